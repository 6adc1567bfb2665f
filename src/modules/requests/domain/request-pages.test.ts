import { describe, expect, it } from 'vitest';
import type { RequestAnswers } from './request-answers.ts';
import { findPage, firstUnanswered, nextSlug, pagesFor, previousSlug, type PageContext } from './request-pages.ts';

const ctx = (answers: RequestAnswers, kind: 'family' | 'setting' = 'family'): PageContext => ({ kind, answers, today: '2026-11-29', councilCodes: ['370'], settings: [{ id: 's1', name: 'Riverside Primary' }] });

describe('the pages of a request', () => {
  it('asks a parent for their own name but not a young person asking for themselves', () => {
    expect(pagesFor('family', { requester: 'parent' }).map((p) => p.slug)).toContain('your-name');
    expect(pagesFor('family', { requester: 'young-person' }).map((p) => p.slug)).not.toContain('your-name');
  });

  it('orders the setting journey: consent first, evidence and the family contact before checking', () => {
    expect(pagesFor('setting', {}).map((p) => p.slug)).toEqual(['consent', 'consent-date', 'child-name', 'date-of-birth', 'postcode', 'reasons', 'evidence', 'parent-contact']);
  });

  it('goes to the next page, or back to check your answers when changing one', () => {
    expect(nextSlug('family', { requester: 'parent' }, 'who-is-asking', false)).toBe('council');
    const complete: RequestAnswers = { requester: 'parent', laCode: '370', childGivenName: 'A', childFamilyName: 'B', dateOfBirth: '2016-01-01', postcode: 'S1 2HH', settingName: '', reasons: 'r', requesterName: 'n', email: 'e@x.co', phone: '', declaration: true };
    expect(firstUnanswered('family', complete)).toBeUndefined();
    expect(nextSlug('family', complete, 'postcode', true)).toBe('check-answers');
    // Changing to "a parent" from "a young person" needs the parent's name before checking again.
    const { requesterName: _omit, ...selfAsked } = complete;
    expect(nextSlug('family', { ...selfAsked, requester: 'parent' }, 'who-is-asking', true)).toBe('your-name');
    expect(previousSlug('family', complete, 'check-answers')).toBe('declaration');
    expect(previousSlug('family', complete, 'who-is-asking')).toBeUndefined();
  });

  it('lets a young person of 16 to 24 ask for themselves, and nobody for someone of 25', () => {
    const dob = findPage('family', {}, 'date-of-birth')!;
    const form = (y: string) => ({ 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': y });
    expect(dob.validate(form('2009'), ctx({ requester: 'young-person' }))).toMatchObject({ ok: true });
    expect(dob.validate(form('2012'), ctx({ requester: 'young-person' }))).toMatchObject({ ok: false, errors: [{ text: 'You must be 16 or over to ask for yourself. A parent or carer can ask for you' }] });
    expect(dob.validate(form('2000'), ctx({ requester: 'parent' }))).toMatchObject({ ok: false, errors: [{ text: 'The child or young person must be under 25' }] });
  });

  it('takes a setting from the council list or as typed, and may be left blank', () => {
    const page = findPage('family', {}, 'school-or-setting')!;
    expect(page.validate({ settingId: 's1' }, ctx({}))).toEqual({ ok: true, patch: { settingId: 's1', settingName: 'Riverside Primary' } });
    expect(page.validate({ settingId: '', settingName: 'Home educated' }, ctx({}))).toEqual({ ok: true, patch: { settingId: '', settingName: 'Home educated' } });
    expect(page.validate({ settingId: 'forged' }, ctx({}))).toMatchObject({ ok: false });
    expect(page.validate({}, ctx({}))).toEqual({ ok: true, patch: { settingId: '', settingName: '' } });
  });

  it('reports both name fields at once', () => {
    const page = findPage('family', {}, 'child-name')!;
    const r = page.validate({}, ctx({ requester: 'parent' }));
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'childGivenName', text: "Enter the child's first name" }, { field: 'childFamilyName', text: "Enter the child's last name" }] });
  });
});
