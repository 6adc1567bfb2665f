import { describe, it, expect } from 'vitest';
import { RULE_IDS } from '../../modules/statutory/index.ts';
import { deadlineCommand } from './deadline.command.ts';
import { fakeIo } from './clock-commands-test-io.ts';

async function run(argv: string[], stdin: string[] = []) {
  const { io, out } = fakeIo(stdin);
  const code = await deadlineCommand(argv, io);
  return { code, ...out, lines: out.stdout.split('\n').filter((l) => l !== '') };
}

// One single-mode call per rule: the due date alone on line 1, the explanation on line 2, exit 0.
const SINGLE: [string[], string][] = [
  [['decision-to-assess', '--from', '2025-01-06'], '2025-02-17'],
  [['advice', '--from', '2025-01-06'], '2025-02-17'],
  [['decision-not-to-issue', '--from', '2025-01-06'], '2025-04-28'],
  [['draft-representations', '--from', '2025-01-06'], '2025-01-20'],
  [['final-plan', '--from', '2025-01-06'], '2025-05-26'],
  [['transfer-plan', '--from', '2022-05-23'], '2022-06-14'],
  [['transfer-inform', '--from', '2025-01-06'], '2025-02-17'],
  [['annual-review', '--from', '2024-02-29'], '2025-02-28'],
  [['review-notice', '--from', '2025-07-02'], '2025-06-18'],
  [['review-report', '--from', '2025-01-06'], '2025-01-20'],
  [['review-decision', '--from', '2025-01-06'], '2025-02-03'],
  [['amendment-representations', '--from', '2025-01-06'], '2025-01-20'],
  [['amended-plan', '--from', '2025-01-06'], '2025-03-03'],
  [['reassessment-plan', '--from', '2025-01-06'], '2025-04-14'],
  [['phase-transfer', '--year', '2027', '--route', 'post16'], '2027-03-31'],
  [['phase-transfer', '--year', '2027', '--route', 'other'], '2027-02-15'],
  [['mediation-contact', '--from', '2024-12-31'], '2025-02-28'],
  [['mediation-certificate', '--from', '2023-05-05'], '2023-05-11'],
  [['mediation-meeting', '--from', '2025-01-06'], '2025-02-05'],
  [['tribunal-appeal', '--from', '2025-03-31'], '2025-05-31'],
  [['tribunal-appeal', '--from', '2025-03-31', '--certificate', '2025-05-20'], '2025-06-20'],
  [['tribunal-appeal', '--from=2025-10-01', '--certificate=2025-11-29'], '2026-01-02'],
];

describe('opensend deadline <rule-id>', () => {
  it.each(SINGLE)('%j prints %s then the explanation', async (argv, due) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toHaveLength(3); // two lines and the final newline
    expect(result.lines[0]).toBe(due);
    expect(result.lines[1]).toMatch(/^Due \d{1,2} [A-Z][a-z]+ \d{4}: .+\)\.$/);
  });

  it('covers every rule', () => {
    expect(new Set(SINGLE.map(([argv]) => argv[0]))).toEqual(new Set(RULE_IDS));
  });

  it('prints the issue’s example exactly', async () => {
    const result = await run(['final-plan', '--from', '2025-01-06']);
    expect(result.stdout).toBe('2025-05-26\nDue 26 May 2025: 20 weeks from 6 January 2025, when the request was received (SEND Regulations 2014, reg 13(2)).\n');
  });

  it.each([
    [['final-plan', '--from', '2025-02-30'], '--from: 2025-02-30 is not a real date: day 30 is not a day of February 2025, which has 28 days'],
    [['final-plan', '--from', '2025-13-01'], 'month 13 is not a month from 1 to 12'],
    [['final-plan', '--from', '06/01/2025'], '"06/01/2025" is not a date in the form YYYY-MM-DD'],
    [['no-such-rule', '--from', '2025-01-06'], 'unknown rule "no-such-rule"'],
    [['final-plan'], '--from is missing: final-plan needs the date the request was received'],
    [['phase-transfer', '--route', 'other'], '--year is missing'],
    [['phase-transfer', '--year', '2027'], '--route is missing'],
    [['phase-transfer', '--year', '27', '--route', 'other'], '--year: must be a four-digit year'],
    [['phase-transfer', '--year', '2027', '--route', 'sixth-form'], '--route: must be post16 or other'],
    [['phase-transfer', '--year', '2040', '--route', 'other'], 'year 2040 is outside the bank holiday data'],
    [['phase-transfer', '--from', '2025-01-06', '--year', '2027', '--route', 'other'], '--from does not apply to phase-transfer'],
    [['final-plan', '--from', '2025-01-06', '--certificate', '2025-02-01'], '--certificate does not apply to final-plan'],
    [['final-plan', '--from', '2030-01-06'], '--from 2030-01-06 is outside the bank holiday data, which covers 2012-01-01 to 2028-12-31'],
    [['mediation-certificate', '--from', '2028-12-29'], 'runs past 2028-12-31'],
    [['tribunal-appeal', '--from', '2025-03-31', '--certificate', '2025-02-30'], '--certificate: 2025-02-30 is not a real date'],
    [['final-plan', '--from', '2014-08-01'], 'no version of final-plan was law on 2014-08-01'],
    [['final-plan', '--from', '2025-01-06', '--colour', 'red'], "Unknown option '--colour'"],
    [['final-plan', 'advice', '--from', '2025-01-06'], 'give one rule id, not 2'],
    [['--from', '2025-01-06'], 'give a rule id'],
    [['--json', 'final-plan'], '--json takes no rule id'],
    [['--list', '--json'], 'cannot be used together'],
  ])('%j fails with exit 2 naming the problem', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.startsWith('opensend deadline: ')).toBe(true);
  });
});

describe('opensend deadline --json', () => {
  it('answers each line in order, errors naming the field, exit 1 when any failed', async () => {
    const result = await run(['--json'], [
      '{"rule":"final-plan","from":"2025-01-06"}',
      '{"rule":"tribunal-appeal","from":"2025-03-31","certificate":"2025-05-20"}',
      '{"rule":"phase-transfer","year":2027,"route":"post16"}',
      '{"rule":"final-plan","from":"2025-02-30"}',
      '',
      'not json',
      '{"from":"2025-01-06"}',
      '{"rule":"final-plan"}',
      '{"rule":"nope","from":"2025-01-06"}',
      '{"rule":"final-plan","from":"2031-01-06"}',
      '{"rule":"final-plan","from":"2025-01-06","colour":"red"}',
      '{"rule":"phase-transfer","year":"2027","route":"other"}',
      '{"rule":"phase-transfer","year":2027.5,"route":"other"}',
      '[1,2]',
      '{"rule":"review-notice","from":"2025-07-02"}',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.lines.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(14);
    expect(lines[0]).toEqual({
      rule: 'final-plan',
      due: '2025-05-26',
      explanation: 'Due 26 May 2025: 20 weeks from 6 January 2025, when the request was received (SEND Regulations 2014, reg 13(2)).',
      citation: 'SEND Regulations 2014, reg 13(2)',
    });
    expect(Object.keys(lines[0])).toEqual(['rule', 'due', 'explanation', 'citation']);
    expect(lines[1]).toMatchObject({ rule: 'tribunal-appeal', due: '2025-06-20' });
    expect(lines[2]).toMatchObject({ rule: 'phase-transfer', due: '2027-03-31' });
    expect(lines[3]).toEqual({ error: 'from: 2025-02-30 is not a real date: day 30 is not a day of February 2025, which has 28 days' });
    expect(lines[4]).toEqual({ error: 'line 6 is not valid JSON' });
    expect(lines[5].error).toContain('rule is missing');
    expect(lines[6].error).toContain('from is missing: final-plan needs the date the request was received');
    expect(lines[7].error).toContain('unknown rule "nope"');
    expect(lines[8].error).toContain('from 2031-01-06 is outside the bank holiday data');
    expect(lines[9].error).toContain('unknown field "colour"');
    expect(lines[10]).toMatchObject({ rule: 'phase-transfer', due: '2027-02-15' });
    expect(lines[11].error).toContain('year: must be a four-digit year');
    expect(lines[12].error).toContain('must be a JSON object');
    expect(lines[13]).toMatchObject({ rule: 'review-notice', due: '2025-06-18' });
  });

  it('exits 0 when every line is answered, and for empty input', async () => {
    expect((await run(['--json'], ['{"rule":"advice","from":"2025-01-06"}'])).code).toBe(0);
    const empty = await run(['--json'], []);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('');
  });
});

describe('opensend deadline --list', () => {
  it('lists every rule with its citation', async () => {
    const result = await run(['--list']);
    expect(result.code).toBe(0);
    expect(result.lines.map((l) => l.split('\t')[0])).toEqual([...RULE_IDS]);
    expect(result.lines.find((l) => l.startsWith('final-plan\t'))).toContain('SEND Regulations 2014, reg 13(2)');
    expect(result.lines.find((l) => l.startsWith('tribunal-appeal\t'))).toContain('r20(1)(c)');
  });
});

describe('when the bank holiday data cannot be read', () => {
  it('fails with exit 2', async () => {
    const { io, out } = fakeIo([], '/nonexistent-opensend-root');
    expect(await deadlineCommand(['final-plan', '--from', '2025-01-06'], io)).toBe(2);
    expect(out.stderr).toContain('cannot read the bank holiday data');
  });
});
