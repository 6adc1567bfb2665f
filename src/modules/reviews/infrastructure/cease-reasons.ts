import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const CODE_SETS = path.join(PROJECT_ROOT, 'data', 'reference', 'standards', 'sen2', 'sen2_code_sets.derived.json');

let cached: Array<{ code: string; text: string }> | undefined;

/**
 * The SEN2 CeaseReason codes, read from the project's SEN2 code sets so the list is the one the
 * return is checked against (a third-party transcription of the DfE guide: see the file's note).
 */
export function ceaseReasons(): Array<{ code: string; text: string }> {
  if (!cached) {
    const sets = JSON.parse(fs.readFileSync(CODE_SETS, 'utf8')) as { CeaseReason?: { values?: Record<string, string> } };
    const values = sets.CeaseReason?.values;
    if (!values) throw new Error(`${CODE_SETS} has no CeaseReason code set`);
    cached = Object.entries(values).map(([code, text]) => ({ code, text }));
  }
  return cached;
}

export function ceaseReasonText(code: string): string {
  return ceaseReasons().find((r) => r.code === code)?.text ?? code;
}
