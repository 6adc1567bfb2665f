import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { trackedDeadline } from './deadline-status.ts';

const d = parseLocalDate;

describe('trackedDeadline', () => {
  it.each([
    ['a council duty past its date is overdue and open', 'council', '2025-03-10', undefined, { status: 'overdue', open: true }],
    ["a family's unused right has ended, not overdue", 'family', '2025-03-10', undefined, { status: 'ended', open: false }],
    ["a family's right still running is open", 'family', '2025-02-20', undefined, { status: 'due-soon', open: true }],
    ['a duty done on time is met and closed', 'council', '2025-03-10', '2025-02-28', { status: 'met', open: false }],
  ] as const)('%s', (_name, owner, today, done, expected) => {
    const result = trackedDeadline({ due: d('2025-03-01'), today: d(today), ...(done ? { done: d(done) } : {}), owner, live: true });
    expect(result).toEqual(expected);
  });
});
