/**
 * What a file really is, read from its first bytes. The name and the browser's content type are
 * whatever the sender says; the bytes are what a reader's software will open.
 */
export type AcceptedFileType = 'pdf' | 'docx' | 'doc' | 'jpeg' | 'png';

export const CONTENT_TYPES: Record<AcceptedFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const startsWith = (data: Uint8Array, bytes: readonly number[]): boolean => bytes.every((b, i) => data[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function zipHasEntry(data: Uint8Array, prefix: string): boolean {
  // Entry names are stored in plain bytes in both the local headers and the central directory.
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(Buffer.from(prefix, 'latin1'));
}

/**
 * The accepted type of a file, or undefined. A .docx is a zip holding word/ parts (other zips, such
 * as spreadsheets, are refused); the old binary .doc shares its container with Excel and PowerPoint,
 * so it is accepted only when also named .doc.
 */
export function detectFileType(data: Uint8Array, fileName: string): AcceptedFileType | undefined {
  if (startsWith(data, PDF)) return 'pdf';
  if (startsWith(data, PNG)) return 'png';
  if (startsWith(data, JPEG)) return 'jpeg';
  if (startsWith(data, ZIP) && zipHasEntry(data, '[Content_Types].xml') && zipHasEntry(data, 'word/')) return 'docx';
  if (startsWith(data, OLE) && /\.doc$/i.test(fileName)) return 'doc';
  return undefined;
}
