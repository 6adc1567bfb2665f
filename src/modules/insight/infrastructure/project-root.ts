import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (data/reference lives there): four levels above this file's folder. */
export const INSIGHT_PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
