import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { parseLedgerCsv, type LedgerProblem } from '../domain/ledger-csv.ts';
import { importLedger } from '../infrastructure/finance.repository.ts';

export type LedgerImportOutcome = { ok: true; imported: number; alreadyHeld: number; totalPence: number } | { ok: false; problems: LedgerProblem[] };

/**
 * A ledger CSV into a council's actual spend, whole or not at all (for the CLI; the web route does
 * the same inside its request's transaction). Conflicting references are reported by line.
 */
export async function importLedgerCsv(db: Db, laCode: string, fileName: string, text: string): Promise<LedgerImportOutcome> {
  const parsed = parseLedgerCsv(text);
  if (!parsed.ok) return parsed;
  return withTenant(db, { laCodes: [laCode] }, async (tx) => {
    const r = await importLedger(tx, laCode, fileName, parsed.rows, null);
    if (r.conflicts.length) {
      return { ok: false as const, problems: r.conflicts.map((c) => ({ line: c.index + 2, message: `Reference "${c.reference}" was imported before with a different date, line or amount` })) };
    }
    return { ok: true as const, imported: r.imported, alreadyHeld: r.alreadyHeld, totalPence: r.totalPence };
  });
}
