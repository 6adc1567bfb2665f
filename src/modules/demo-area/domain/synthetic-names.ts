/**
 * Invented name parts. Given names and family names are common English words or very common
 * names, combined at random, so no generated person is a real one; school names are built from
 * nature words and endings ("Oakfield", "Heronbrook") rather than taken from any register.
 */
export const GIVEN_NAMES_F = [
  'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Freya', 'Florence', 'Evie', 'Poppy', 'Sophia', 'Willow',
  'Grace', 'Ella', 'Rosie', 'Daisy', 'Aisha', 'Maya', 'Zara', 'Hannah', 'Imogen', 'Ruby', 'Esme', 'Nia',
  'Priya', 'Layla', 'Harper', 'Matilda', 'Orla', 'Erin',
] as const;
export const GIVEN_NAMES_M = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Oscar', 'Harry', 'Theo', 'Jack', 'Charlie', 'Finley', 'Henry',
  'Alfie', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Mohammed', 'Yusuf', 'Rohan', 'Kai', 'Reuben', 'Joshua',
  'Samuel', 'Callum', 'Owen', 'Rhys', 'Tomasz', 'Elijah', 'Jacob',
] as const;
export const FAMILY_NAMES = [
  'Ashdown', 'Birchall', 'Coverley', 'Dunmore', 'Elstow', 'Fernley', 'Garside', 'Hollins', 'Inchley', 'Jessop',
  'Kettering', 'Lathom', 'Marwood', 'Norcott', 'Oakes', 'Pendle', 'Quarry', 'Rushworth', 'Selwood', 'Thorley',
  'Underhill', 'Varley', 'Wetherby', 'Yardley', 'Ainsworth', 'Bramall', 'Cheswick', 'Dalby', 'Eastwood',
  'Fairclough', 'Greenhalgh', 'Heaton', 'Ibbotson', 'Kershaw', 'Lindley', 'Meadows', 'Newbold', 'Ormerod',
  'Pickering', 'Radcliffe', 'Shelton', 'Tattersall', 'Walmsley', 'Ahmed', 'Begum', 'Khan', 'Patel', 'Okafor',
  'Mensah', 'Nowak', 'Kowalski', 'Osei', 'Chen', 'Nguyen', 'Hussain', 'Singh', 'Adeyemi', 'Byrne', 'Doyle',
] as const;
export const STAFF_GIVEN_NAMES = ['Alex', 'Sam', 'Jordan', 'Morgan', 'Robin', 'Jamie', 'Casey', 'Taylor', 'Riley', 'Avery'] as const;

const NAME_STARTS = [
  'Oak', 'Ash', 'Elm', 'Birch', 'Willow', 'Hazel', 'Rowan', 'Maple', 'Cedar', 'Holly', 'Brook', 'Meadow',
  'Ridge', 'Stone', 'Green', 'Fern', 'Heather', 'Bramble', 'Kingfisher', 'Lark', 'Wren', 'Heron', 'Thistle',
  'Clover', 'Bluebell', 'Juniper', 'Linden', 'Alder', 'Beech', 'Poplar',
] as const;
const NAME_ENDS = ['field', 'wood', 'vale', 'brook', 'hill', 'side', 'mead', 'croft', 'dale', 'lea', 'gate', 'ford', 'bury', 'well', 'bank'] as const;
const NAME_PREFIXES = ['', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Great ', 'Little ', 'Old '] as const;

/** The n-th invented place-like name; distinct for n below 4,500. */
export function placeName(n: number): string {
  const start = NAME_STARTS[n % NAME_STARTS.length]!;
  const end = NAME_ENDS[Math.floor(n / NAME_STARTS.length) % NAME_ENDS.length]!;
  const prefix = NAME_PREFIXES[Math.floor(n / (NAME_STARTS.length * NAME_ENDS.length)) % NAME_PREFIXES.length]!;
  return `${prefix}${start}${end}`;
}

export const PLACE_NAME_COUNT = NAME_STARTS.length * NAME_ENDS.length * NAME_PREFIXES.length;
