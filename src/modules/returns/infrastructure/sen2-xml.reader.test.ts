import { describe, expect, it } from 'vitest';
import { parseXmlTree, validateSen2Tree } from './sen2-xml.reader.ts';

const file = (person: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>SEN2</Collection><Year>2026</Year><ReferenceDate>2026-01-15</ReferenceDate></CollectionDetails>
    <Source><LEA>857</LEA><DMO>N</DMO><DCO>N</DCO></Source>
  </Header>
  <Persons>
${person}
  </Persons>
</Message>`;

const person = `    <Person>
      <Surname>Lovelace</Surname>
      <Forename>Ada</Forename>
      <PersonBirthDate>2015-05-05</PersonBirthDate>
      <Sex>F</Sex>
      <Ethnicity>NOBT</Ethnicity>
      <PostCode>ME1 1AA</PostCode>
      <UPN>A123456789012</UPN>
      <Requests>
        <ReceivedDate>2025-02-01</ReceivedDate>
        <RequestOutcome>Y</RequestOutcome>
        <ActivePlans>
          <PlacementDetail><PlacementRank>1</PlacementRank><EntryDate>2025-06-01</EntryDate><SENunitIndicator>0</SENunitIndicator><ResourcedProvisionIndicator>0</ResourcedProvisionIndicator></PlacementDetail>
          <SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
        </ActivePlans>
      </Requests>
    </Person>`;

function problems(xml: string): string[] {
  const { root, problems: parse } = parseXmlTree(xml);
  return (root ? validateSen2Tree(root) : parse).map((p) => `${p.line} ${p.element}: ${p.message}`);
}

describe('SEN2 file validation', () => {
  it('lists every problem with its line and element', () => {
    const bad = person
      .replace('<Sex>F</Sex>', '<Sex>Q</Sex>')
      .replace('<UPN>A123456789012</UPN>', '<UPN>123</UPN>')
      .replace('<Forename>Ada</Forename>\n', '')
      .replace('<RequestOutcome>Y</RequestOutcome>', '<RequestOutcome>Y</RequestOutcome>\n        <ReceivedDate>2025-02-01</ReceivedDate>');
    expect(problems(file(bad))).toEqual([
      '8 Person: Forename is missing (Person must contain one)',
      '11 Sex: Sex \'Q\' is not one of M, F, U',
      '14 UPN: UPN \'123\' is not a UPN: a letter, 11 digits, then a digit or letter',
      expect.stringMatching(/^18 ReceivedDate: ReceivedDate is out of order in Requests; the order is ReceivedDate, RequestSource/),
      '20 PlacementDetail: PlacementDetail names no setting: give a URN, a UKPRN or a SENSetting code',
    ]);
  });

  it('accepts a valid file, the 2026 items included', () => {
    expect(problems(file(person.replace('</ReceivedDate>', '</ReceivedDate><RequestSource>PAR</RequestSource>').replace('<PlacementRank>', '<URN>123456</URN><PlacementRank>')))).toEqual([]);
  });

  it('names elements that are not SEN2 and text where elements belong', () => {
    expect(problems(file(person.replace('<Surname>', 'stray<Nickname>Ad</Nickname><Surname>')))).toEqual([
      "8 Person: Person holds text ('stray') where only elements are allowed",
      expect.stringMatching(/^9 Nickname: Nickname is not a SEN2 item of Person; expected Surname, Forename/),
      '20 PlacementDetail: PlacementDetail names no setting: give a URN, a UKPRN or a SENSetting code',
    ]);
  });

  it('reports XML that is not well formed, and refuses DOCTYPE and ENTITY declarations unread', () => {
    expect(problems('<Message><Header></Message>')[0]).toMatch(/not well formed/);
    expect(problems('<?xml version="1.0"?>\n\n<!DOCTYPE x SYSTEM "http://evil/">\n<Message/>')).toEqual([
      '3 <!DOCTYPE>: document type and entity declarations are not allowed in a SEN2 file (they are used for external-entity and entity-expansion attacks); the file was refused unread',
    ]);
  });
});
