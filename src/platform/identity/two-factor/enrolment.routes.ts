import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/connection.ts';
import { addError, emptyErrors, type FormErrors } from '../../web/form-errors.ts';
import { isFamilyRole } from '../family-roles.ts';
import { saveSessionData } from '../session-store.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import { otpauthUri } from './totp.ts';
import { confirmEnrolment, hasConfirmedTotp, pendingSecret, removeEnrolment, unusedRecoveryCodes, verifySecondFactor } from './two-factor.repository.ts';

/**
 * "Two-factor authentication" in the account area: set up an authenticator app (QR code drawn on
 * the server as SVG, and the same secret as text for people who cannot scan), confirm it with a
 * first code, see the recovery codes once; or turn it off with a current code.
 *
 * With REQUIRE_STAFF_2FA=true, staff who sign in with a password and have not set it up are sent
 * here before anything else (the session carries twoFactorEnrolmentRequired until they do).
 */
const PAGE = 'identity/two-factor.njk';
const TITLE = 'Two-factor authentication';
const ISSUER = 'OpenSEND';

const isStaff = (req: FastifyRequest) => req.principal?.assignments.some((a) => !isFamilyRole(a.role)) ?? false;

export function registerTwoFactorEnrolmentRoutes(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { db, config } = deps;

  async function setupPage(userId: string, email: string, errors: FormErrors) {
    const secret = await pendingSecret(db, config.totpKey, userId);
    const qrSvg = await QRCode.toString(otpauthUri(secret, email, ISSUER), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return { title: TITLE, state: 'setup', qrSvg, secretText: secret.match(/.{1,4}/g)?.join(' ') ?? secret, errors };
  }

  app.get('/account/two-factor', { config: { access: 'signed-in' } }, async (req, reply) => {
    const p = req.principal!;
    if (await hasConfirmedTotp(db, p.userId)) {
      return reply.render(PAGE, {
        title: TITLE,
        state: 'on',
        remaining: await unusedRecoveryCodes(db, p.userId),
        usedRecoveryCode: req.session?.data.usedRecoveryCode === true,
        errors: emptyErrors(),
      });
    }
    return reply.render(PAGE, { ...(await setupPage(p.userId, p.email, emptyErrors())), required: req.session?.data.twoFactorEnrolmentRequired === true });
  });

  app.post('/account/two-factor', { config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: '5 minutes' } } }, async (req, reply) => {
    const p = req.principal!;
    const code = String((req.body as Record<string, unknown> | undefined)?.code ?? '').trim();
    const errors = emptyErrors();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      addError(errors, 'code', 'Enter the 6-digit code shown in your authenticator app');
      return reply.code(400).render(PAGE, await setupPage(p.userId, p.email, errors));
    }
    const codes = newRecoveryCodes();
    if (!(await confirmEnrolment(db, config.totpKey, p.userId, code, new Date(), codes))) {
      addError(errors, 'code', 'The code is not right. Check the time on your phone is set automatically, then enter the code now shown');
      return reply.code(400).render(PAGE, await setupPage(p.userId, p.email, errors));
    }
    if (req.session && req.session.data.twoFactorEnrolmentRequired) {
      const { twoFactorEnrolmentRequired: _done, ...rest } = req.session.data;
      await saveSessionData(db, req.session.token, rest);
    }
    // Shown once, in this response only (never stored in clear, never cached: responses are no-store).
    return reply.render(PAGE, { title: 'Two-factor authentication is on', state: 'codes', recoveryCodes: codes, errors: emptyErrors() });
  });

  app.post('/account/two-factor/turn-off', { config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: '5 minutes' } } }, async (req, reply) => {
    const p = req.principal!;
    const code = String((req.body as Record<string, unknown> | undefined)?.code ?? '').trim();
    const errors = emptyErrors();
    const page = async () => ({ title: TITLE, state: 'on', remaining: await unusedRecoveryCodes(db, p.userId), errors });
    if (config.requireStaff2fa && isStaff(req)) {
      addError(errors, 'code', 'Your council requires staff to use two-factor authentication, so it cannot be turned off');
      return reply.code(400).render(PAGE, await page());
    }
    if (!code || code.length > 64 || !(await verifySecondFactor(db, config.totpKey, p.userId, code, new Date()))) {
      addError(errors, 'code', 'Enter the code now shown in your authenticator app, or a recovery code');
      return reply.code(400).render(PAGE, await page());
    }
    await removeEnrolment(db, p.userId);
    return reply.redirect('/account/two-factor', 303);
  });

  if (config.requireStaff2fa) {
    // Until they have set it up, staff who signed in with only a password can reach nothing else.
    app.addHook('preHandler', async (req, reply) => {
      if (req.session?.data.twoFactorEnrolmentRequired !== true) return;
      const access = req.routeOptions.config?.access;
      if (access === 'public' || access === undefined || req.url.startsWith('/account/two-factor')) return;
      return reply.redirect('/account/two-factor', 303);
    });
  }
}

/** For the password step: must this person set up two-factor authentication before going on? */
export async function mustEnrol(db: Db, config: Config, userId: string): Promise<boolean> {
  if (!config.requireStaff2fa) return false;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return roles.some((r) => !isFamilyRole(r.role));
}
