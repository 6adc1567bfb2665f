export type Body = Record<string, string | string[] | undefined>;

/** One text field from a url-encoded form body (the first, if sent twice), trimmed. */
export const field = (body: unknown, name: string): string => {
  const v = (body as Body | undefined)?.[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const LA = /^\d{3}$/;

/** A whole number typed into a form, or undefined when it is not one. */
export function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^-?\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}
