import type { ZodError } from 'zod';

/**
 * The GOV.UK error pattern: a summary at the top linking to each field, and the same message beside
 * the field. A failed POST re-renders the page with these and with what the user typed, so nothing
 * is lost.
 */
export interface FormErrors {
  list: Array<{ text: string; href: string }>;
  fields: Record<string, { text: string }>;
}

export function emptyErrors(): FormErrors {
  return { list: [], fields: {} };
}

export function addError(errors: FormErrors, field: string, text: string, anchor = field): FormErrors {
  if (!errors.fields[field]) {
    errors.fields[field] = { text };
    errors.list.push({ text, href: `#${anchor}` });
  }
  return errors;
}

export function fromZod(error: ZodError, anchors: Record<string, string> = {}): FormErrors {
  const errors = emptyErrors();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    addError(errors, field, issue.message, anchors[field] ?? field);
  }
  return errors;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.list.length > 0;
}
