import type { FastifyInstance } from 'fastify';
import { addError, emptyErrors, hasErrors } from '../../../platform/web/form-errors.ts';
import { textFields } from '../../documents/index.ts';
import { acceptInvitation, checkInvitation, sendAccountLink } from '../application/account-invitation.ts';
import type { RequestDeps } from '../application/request-deps.ts';
import { childName } from '../domain/request-answers.ts';
import { normaliseEmail } from '../domain/contact-details.ts';
import { withDraft } from '../infrastructure/request-drafts.repository.ts';
import { draftOr404, FAMILY_JOURNEY, type DraftParams } from './journey-support.ts';

export const MIN_PASSWORD = 12;

/**
 * After a family's request: ask for a link to create an account, then use it to choose a password.
 * The account is linked to the child, so the family's home shows the case.
 */
export function registerAccountRoutes(app: FastifyInstance, deps: RequestDeps, options: { showMailbox: boolean }): void {
  const base = FAMILY_JOURNEY.base;
  const config = { access: 'public' as const };

  app.get<DraftParams>(`${base}/:draftId/create-account`, { config }, async (req, reply) => {
    const draft = await draftOr404(deps, FAMILY_JOURNEY, req, reply);
    if (!draft) return reply;
    if (!draft.submitted) return reply.redirect(`${base}/${draft.id}/check-answers`, 303);
    return reply.render('requests/create-account.njk', { title: 'Create an account', email: draft.answers.email, action: `${base}/${draft.id}/create-account`, backLink: `${base}/${draft.id}/confirmation` });
  });

  // Each POST sends an email: limited so the form cannot be used to flood someone's inbox.
  app.post<DraftParams>(`${base}/:draftId/create-account`, { config: { ...config, rateLimit: { max: 5, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const draft = await draftOr404(deps, FAMILY_JOURNEY, req, reply);
    if (!draft) return reply;
    const sent = draft.submitted;
    if (!sent) return reply.redirect(`${base}/${draft.id}/check-answers`, 303);
    const typed = textFields(req.body).email ?? '';
    const email = normaliseEmail(typed);
    const errors = emptyErrors();
    if (!typed.trim()) addError(errors, 'email', 'Enter your email address');
    else if (!email) addError(errors, 'email', 'Enter an email address in the correct format, like name@example.com');
    if (hasErrors(errors)) return reply.code(400).render('requests/create-account.njk', { title: 'Create an account', email: typed, errors, action: `${base}/${draft.id}/create-account`, backLink: `${base}/${draft.id}/confirmation` });
    const child = await withDraft(deps.db, { draftId: draft.id, laCodes: [sent.laCode] }, (tx) =>
      tx.selectFrom('cases').select('child_id').where('la_code', '=', sent.laCode).where('id', '=', sent.caseId).executeTakeFirstOrThrow(),
    );
    const self = draft.answers.requester === 'young-person';
    await sendAccountLink(deps, {
      laCode: sent.laCode, childId: child.child_id, caseId: sent.caseId, email: email!,
      displayName: self ? childName(draft.answers) : (draft.answers.requesterName ?? email!), relationship: self ? 'young-person' : 'parent',
    });
    return reply.render('requests/check-email.njk', { title: 'Check your email', email, mailboxHref: options.showMailbox ? `/dev/mailbox?to=${encodeURIComponent(email!)}` : undefined });
  });

  const expired = { title: 'This link has expired or has already been used', message: 'Links to create an account work once, for 7 days. If you have already created your account, sign in.', nextHref: '/sign-in', nextText: 'Sign in' };
  type TokenParams = { Params: { laCode: string; token: string } };
  const valid = (p: TokenParams['Params']): boolean => /^\d{3}$/.test(p.laCode) && /^[A-Za-z0-9_-]{20,100}$/.test(p.token);

  app.get<TokenParams>('/create-account/:laCode/:token', { config }, async (req, reply) => {
    const inv = valid(req.params) ? await checkInvitation(deps, req.params.laCode, req.params.token) : undefined;
    if (!inv) return reply.code(404).render('requests/link-expired.njk', expired);
    return reply.render('requests/set-password.njk', { title: 'Choose a password', email: inv.email, action: req.url });
  });

  app.post<TokenParams>('/create-account/:laCode/:token', { config: { ...config, rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const inv = valid(req.params) ? await checkInvitation(deps, req.params.laCode, req.params.token) : undefined;
    if (!inv) return reply.code(404).render('requests/link-expired.njk', expired);
    const { password = '', confirmPassword = '' } = textFields(req.body);
    const errors = emptyErrors();
    if (!password) addError(errors, 'password', 'Enter a password');
    else if (password.length < MIN_PASSWORD) addError(errors, 'password', `Password must be ${MIN_PASSWORD} characters or more`);
    else if (password.length > 256) addError(errors, 'password', 'Password must be 256 characters or fewer');
    else if (password !== confirmPassword) addError(errors, 'confirmPassword', 'Passwords must match');
    // Passwords are never echoed back into the page, even on error.
    if (hasErrors(errors)) return reply.code(400).render('requests/set-password.njk', { title: 'Choose a password', email: inv.email, action: req.url, errors });
    const done = await acceptInvitation(deps, req.params.laCode, req.params.token, password, req.id);
    if (!done) return reply.code(404).render('requests/link-expired.njk', expired);
    return reply.render('requests/account-created.njk', { title: 'Account created', email: done.email, existing: done.existing });
  });
}
