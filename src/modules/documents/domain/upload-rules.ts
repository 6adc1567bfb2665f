import { detectFileType, type AcceptedFileType } from './file-type.ts';

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  /** At most maxBytes + 1 bytes: the reader stops once the limit is passed. */
  data: Buffer;
  /** True when the sender sent more than the limit. */
  truncated: boolean;
}

export type UploadCheck =
  | { ok: true; type: AcceptedFileType; fileName: string }
  | { ok: false; message: string };

/** "10MB": how GOV.UK writes a size limit. */
export function describeSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)}MB` : `${Math.ceil(bytes / 1024)}KB`;
}

/** A file name safe to show and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"').join('').trim().slice(0, 200);
  return cleaned || 'document';
}

/** The GOV.UK file upload error messages, in the order a user can fix them. */
export function checkUpload(file: UploadedFile | undefined, maxBytes: number): UploadCheck {
  if (!file || (file.fileName === '' && file.data.length === 0)) return { ok: false, message: 'Select a file' };
  if (file.truncated || file.data.length > maxBytes) return { ok: false, message: `The selected file must be smaller than ${describeSize(maxBytes)}` };
  if (file.data.length === 0) return { ok: false, message: 'The selected file is empty' };
  const type = detectFileType(file.data, file.fileName);
  if (!type) return { ok: false, message: 'The selected file must be a PDF, Word document, JPG or PNG' };
  return { ok: true, type, fileName: cleanFileName(file.fileName) };
}
