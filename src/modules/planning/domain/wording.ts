import { formatLongDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import type { Attribution, FigureNarrative } from './planning-facts.ts';

/** Shared wording for both documents. */
export const longDate = (iso: string): string => formatLongDate(parseLocalDate(iso));

export const attributionText = (a: Pick<Attribution, 'writtenOn' | 'authorName' | 'authorRole'>, version?: number): string =>
  `Written on ${longDate(a.writtenOn)} by ${a.authorName} (${a.authorRole})${version !== undefined && version > 1 ? `, version ${version}` : ''}.`;

export const narrativeAttribution = (n: FigureNarrative): string => attributionText(n);
