import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatIsoDate, todayInEngland, toYearMonthDay, parseLocalDate } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { ROLE_NAMES } from '../../../platform/identity/roles.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { field, parseAction, parsePriority, parseSelfEvaluation, readVersion, type Body } from './entry-forms.ts';
import { findFrameworkSection } from '../domain/inspection-framework.ts';
import { ACTION_STATUSES, ACTION_STATUS_NAMES, type Attribution } from '../domain/planning-facts.ts';
import { longDate } from '../domain/wording.ts';
import {
  createAction, createPriority, findAction, findPriority, findSelfEvaluation, saveSelfEvaluation, updateAction, updatePriority, type Author,
} from '../infrastructure/planning.repository.ts';
import { councilOf } from './council-scope.ts';

/**
 * The partnership's editor: priorities, their actions, and the self-evaluation commentary. Every
 * save is dated today and attributed to the signed-in person; an edit carries the version it was
 * loaded at and is refused (409, nothing saved, the other person's version shown) if someone else
 * saved first. A failed save re-renders the form with what was typed.
 */
export function registerEditorRoutes(app: FastifyInstance, db: Db): void {
  const edit = { config: { access: 'planning:edit' as const } };
  const scope = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

  // Priorities ------------------------------------------------------------------------------
  app.get('/planning/priorities/new', edit, async (req, reply) => {
    if (!councilOf(req.principal!)) return reply.callNotFound();
    return renderPriority(reply, { title: 'Add a priority', values: {}, errors: emptyErrors() });
  });

  app.post<{ Body: Body }>('/planning/priorities/new', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    if (!laCode) return reply.callNotFound();
    const body = req.body ?? {};
    const parsed = parsePriority(body);
    if (!parsed.ok) return renderPriority(reply.code(400), { title: 'Add a priority', values: body, errors: parsed.errors });
    await withTenant(db, scope(principal), (tx) => createPriority(tx, laCode, parsed.value, authorOf(principal)));
    return reply.redirect('/planning?saved=priority', 303);
  });

  app.get<{ Params: { id: string } }>('/planning/priorities/:id', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const p = laCode && (await withTenant(db, scope(principal), (tx) => findPriority(tx, laCode, req.params.id)));
    if (!p) return reply.callNotFound();
    return renderPriority(reply, { title: `Change priority ${p.position}`, values: { position: String(p.position), title: p.title, description: p.description }, version: p.version, errors: emptyErrors(), current: p });
  });

  app.post<{ Params: { id: string }; Body: Body }>('/planning/priorities/:id', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const body = req.body ?? {};
    const current = laCode && (await withTenant(db, scope(principal), (tx) => findPriority(tx, laCode, req.params.id)));
    if (!laCode || !current) return reply.callNotFound();
    const title = `Change priority ${current.position}`;
    const version = readVersion(body);
    const parsed = parsePriority(body);
    if (!parsed.ok || version === undefined) {
      const errors = parsed.ok ? emptyErrors() : parsed.errors;
      if (version === undefined) addError(errors, 'version', 'This form is out of date. Open the priority again and make your change.', 'title');
      return renderPriority(reply.code(400), { title, values: body, version: version ?? current.version, errors, current });
    }
    const out = await withTenant(db, scope(principal), (tx) => updatePriority(tx, laCode, current.id, version, parsed.value, authorOf(principal)));
    if (out.kind === 'not-found') return reply.callNotFound();
    if (out.kind === 'stale') {
      return renderPriority(reply.code(409), { title, values: body, version: out.latest.version, errors: staleErrors('priority', out.latest, 'title'), current: out.latest, theirs: { title: out.latest.title, text: out.latest.description } });
    }
    return reply.redirect('/planning?saved=priority', 303);
  });

  // Actions ---------------------------------------------------------------------------------
  app.get<{ Params: { id: string } }>('/planning/priorities/:id/actions/new', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const p = laCode && (await withTenant(db, scope(principal), (tx) => findPriority(tx, laCode, req.params.id)));
    if (!p) return reply.callNotFound();
    return renderAction(reply, { title: 'Add an action', caption: `Priority ${p.position}: ${p.title}`, values: { status: 'not-started' }, errors: emptyErrors() });
  });

  app.post<{ Params: { id: string }; Body: Body }>('/planning/priorities/:id/actions/new', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const body = req.body ?? {};
    const p = laCode && (await withTenant(db, scope(principal), (tx) => findPriority(tx, laCode, req.params.id)));
    if (!laCode || !p) return reply.callNotFound();
    const parsed = parseAction(body, todayInEngland(new Date()));
    if (!parsed.ok) return renderAction(reply.code(400), { title: 'Add an action', caption: `Priority ${p.position}: ${p.title}`, values: body, errors: parsed.errors });
    await withTenant(db, scope(principal), (tx) => createAction(tx, laCode, p.id, parsed.value, authorOf(principal)));
    return reply.redirect('/planning?saved=action', 303);
  });

  app.get<{ Params: { id: string } }>('/planning/actions/:id', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const a = laCode && (await withTenant(db, scope(principal), (tx) => findAction(tx, laCode, req.params.id)));
    if (!a) return reply.callNotFound();
    const due = toYearMonthDay(parseLocalDate(a.dueOn));
    return renderAction(reply, {
      title: 'Change an action', values: { description: a.description, lead: a.lead, status: a.status, 'due-day': String(due.day), 'due-month': String(due.month), 'due-year': String(due.year) },
      version: a.version, errors: emptyErrors(), current: a,
    });
  });

  app.post<{ Params: { id: string }; Body: Body }>('/planning/actions/:id', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const body = req.body ?? {};
    const current = laCode && (await withTenant(db, scope(principal), (tx) => findAction(tx, laCode, req.params.id)));
    if (!laCode || !current) return reply.callNotFound();
    const version = readVersion(body);
    const parsed = parseAction(body, todayInEngland(new Date()));
    if (!parsed.ok || version === undefined) {
      const errors = parsed.ok ? emptyErrors() : parsed.errors;
      if (version === undefined) addError(errors, 'version', 'This form is out of date. Open the action again and make your change.', 'description');
      return renderAction(reply.code(400), { title: 'Change an action', values: body, version: version ?? current.version, errors, current });
    }
    const out = await withTenant(db, scope(principal), (tx) => updateAction(tx, laCode, current.id, version, parsed.value, authorOf(principal)));
    if (out.kind === 'not-found') return reply.callNotFound();
    if (out.kind === 'stale') {
      const l = out.latest;
      return renderAction(reply.code(409), {
        title: 'Change an action', values: body, version: l.version, errors: staleErrors('action', l, 'description'), current: l,
        theirs: { title: l.description, text: `Led by ${l.lead}; due by ${longDate(l.dueOn)}; ${ACTION_STATUS_NAMES[l.status].toLowerCase()}.` },
      });
    }
    return reply.redirect('/planning?saved=action', 303);
  });

  // Self-evaluation -------------------------------------------------------------------------
  app.get<{ Params: { section: string } }>('/planning/self-evaluation/:section', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const section = findFrameworkSection(req.params.section);
    if (!laCode || !section) return reply.callNotFound();
    const e = await withTenant(db, scope(principal), (tx) => findSelfEvaluation(tx, laCode, section.id));
    return renderSelfEvaluation(reply, { section, values: { body: e?.body ?? '' }, version: e?.version ?? 0, errors: emptyErrors(), ...(e ? { current: e } : {}) });
  });

  app.post<{ Params: { section: string }; Body: Body }>('/planning/self-evaluation/:section', edit, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    const section = findFrameworkSection(req.params.section);
    if (!laCode || !section) return reply.callNotFound();
    const body = req.body ?? {};
    const version = readVersion(body);
    const parsed = parseSelfEvaluation(body);
    if (!parsed.ok || version === undefined) {
      const errors = parsed.ok ? emptyErrors() : parsed.errors;
      if (version === undefined) addError(errors, 'version', 'This form is out of date. Open the section again and make your change.', 'body');
      return renderSelfEvaluation(reply.code(400), { section, values: body, version: version ?? 0, errors });
    }
    const out = await withTenant(db, scope(principal), (tx) => saveSelfEvaluation(tx, laCode, section.id, version, parsed.value.body, authorOf(principal)));
    if (out.kind === 'not-found') {
      // Asked to change a version that does not exist (a forged or very old form): nothing to compare with.
      return renderSelfEvaluation(reply.code(409), { section, values: body, version: 0, errors: addError(emptyErrors(), 'version', 'This commentary has changed since you opened it. Nothing has been saved. Open the section again.', 'body') });
    }
    if (out.kind === 'stale') {
      return renderSelfEvaluation(reply.code(409), { section, values: body, version: out.latest.version, errors: staleErrors('commentary', out.latest, 'body'), current: out.latest, theirs: { title: 'Their commentary', text: out.latest.body } });
    }
    return reply.redirect('/planning?saved=self-evaluation', 303);
  });
}

function authorOf(p: Principal): Author {
  return { userId: p.userId, name: p.displayName, role: ROLE_NAMES[p.role], writtenOn: formatIsoDate(todayInEngland(new Date())) };
}

function staleErrors(what: string, latest: Attribution, anchor: string): FormErrors {
  return addError(emptyErrors(), 'version',
    `${latest.authorName} saved a newer version of this ${what} on ${longDate(latest.writtenOn)} while you were working on it. Nothing has been saved. Their version is shown below; your changes are still in the form. Save again to replace theirs with yours.`, anchor);
}

interface FormView {
  title: string;
  values: Body;
  errors: FormErrors;
  version?: number;
  current?: Attribution;
  theirs?: { title: string; text: string };
  caption?: string;
}

const value = (values: Body, name: string): string => field(values, name);
const attributionLine = (c: Attribution | undefined) => c && `Last saved on ${longDate(c.writtenOn)} by ${c.authorName} (${c.authorRole}), version ${c.version}.`;

function renderPriority(reply: FastifyReply, v: FormView) {
  return reply.render('planning/priority.njk', {
    title: v.title, backLink: '/planning', errors: v.errors, version: v.version, lastSaved: attributionLine(v.current), theirs: v.theirs,
    values: { position: value(v.values, 'position'), title: value(v.values, 'title'), description: value(v.values, 'description') },
  });
}

function renderAction(reply: FastifyReply, v: FormView) {
  const chosen = value(v.values, 'status');
  const dueError = Boolean(v.errors.fields.due);
  return reply.render('planning/action.njk', {
    title: v.title, caption: v.caption, backLink: '/planning', errors: v.errors, version: v.version, lastSaved: attributionLine(v.current), theirs: v.theirs,
    values: { description: value(v.values, 'description'), lead: value(v.values, 'lead') },
    dueItems: (['day', 'month', 'year'] as const).map((part) => ({
      name: part, value: value(v.values, `due-${part}`), classes: `govuk-input--width-${part === 'year' ? 4 : 2}${dueError ? ' govuk-input--error' : ''}`,
    })),
    statusItems: ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_NAMES[s], checked: s === chosen })),
  });
}

function renderSelfEvaluation(reply: FastifyReply, v: Omit<FormView, 'title'> & { section: { id: string; heading: string; prompt: string } }) {
  return reply.render('planning/self-evaluation.njk', {
    title: v.section.heading, backLink: '/planning', errors: v.errors, version: v.version, lastSaved: attributionLine(v.current), theirs: v.theirs,
    prompt: v.section.prompt, values: { body: value(v.values, 'body') },
  });
}
