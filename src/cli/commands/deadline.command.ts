import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io.ts';
import { formatIsoDate, loadEnglandAndWalesCalendar, type WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { DEFAULT_RULE_BOOK, DeadlineInputError, RULE_CATALOGUE, computeDeadline } from '../../modules/statutory/index.ts';
import { parseDeadlineFields } from './deadline-request-parsing.ts';

const USAGE = `Usage:
  opensend deadline <rule-id> --from YYYY-MM-DD
  opensend deadline tribunal-appeal --from YYYY-MM-DD [--certificate YYYY-MM-DD]
  opensend deadline phase-transfer --year YYYY --route post16|other
  opensend deadline --json      (JSON lines on standard input, one answer line each)
  opensend deadline --list      (every rule with its citation)
`;

function fail(io: CliIo, message: string): number {
  io.stderr(`opensend deadline: ${message}\n`);
  return EXIT_USAGE;
}

function loadCalendar(io: CliIo): WorkingDayCalendar {
  return loadEnglandAndWalesCalendar(io.cwd);
}

function listRules(io: CliIo): number {
  // Every row of the catalogue, including any past or future versions, with the dates it is law.
  for (const rule of RULE_CATALOGUE) {
    const until = rule.effectiveTo === undefined ? '' : ` to ${formatIsoDate(rule.effectiveTo)}`;
    io.stdout(`${rule.id}\t${rule.name}\t${rule.citation}\t(from ${formatIsoDate(rule.effectiveFrom)}${until})\n`);
  }
  return EXIT_OK;
}

function answer(fields: Record<string, unknown>, calendar: WorkingDayCalendar) {
  const result = computeDeadline(parseDeadlineFields(fields), calendar, DEFAULT_RULE_BOOK);
  return { rule: result.ruleId, due: formatIsoDate(result.due), explanation: result.explanation, citation: result.citation };
}

async function jsonLines(io: CliIo, calendar: WorkingDayCalendar): Promise<number> {
  let failed = false;
  let lineNumber = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue; // a blank line is not a request, so it gets no answer line
    let output: object;
    try {
      let fields: unknown;
      try {
        fields = JSON.parse(line);
      } catch {
        throw new DeadlineInputError('line', `line ${lineNumber} is not valid JSON`);
      }
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
        throw new DeadlineInputError('line', `line ${lineNumber} must be a JSON object such as {"rule":"final-plan","from":"2025-01-06"}`);
      }
      output = answer(fields as Record<string, unknown>, calendar);
    } catch (error) {
      if (!(error instanceof DeadlineInputError)) throw error;
      failed = true;
      output = { error: error.message };
    }
    io.stdout(`${JSON.stringify(output)}\n`);
  }
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}

/** `opensend deadline`: see USAGE and docs/statutory-clock.md. */
export const deadlineCommand: CliCommand = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        certificate: { type: 'string' },
        year: { type: 'string' },
        route: { type: 'string' },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(io, `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const requestOptions = (['from', 'certificate', 'year', 'route'] as const).filter((k) => values[k] !== undefined);
  if (values.list || values.json) {
    const mode = values.list ? '--list' : '--json';
    if (values.list && values.json) return fail(io, '--list and --json cannot be used together');
    if (positionals.length > 0 || requestOptions.length > 0) {
      return fail(io, `${mode} takes no rule id or --${requestOptions[0] ?? 'from'} option${values.json ? ' (give them in each JSON line)' : ''}`);
    }
    if (values.list) return listRules(io);
  } else if (positionals.length !== 1) {
    return fail(io, `${positionals.length === 0 ? 'give a rule id' : `give one rule id, not ${positionals.length}`}\n${USAGE}`);
  }
  let calendar: WorkingDayCalendar;
  try {
    calendar = loadCalendar(io);
  } catch (error) {
    return fail(io, `cannot read the bank holiday data: ${(error as Error).message}`);
  }
  if (values.json) return jsonLines(io, calendar);
  const fields: Record<string, unknown> = { rule: positionals[0] };
  for (const key of requestOptions) fields[key] = values[key];
  try {
    const result = answer(fields, calendar);
    io.stdout(`${result.due}\n${result.explanation}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof DeadlineInputError) return fail(io, error.message.replace(/^(from|certificate|year|route)\b/, '--$1'));
    throw error;
  }
};
