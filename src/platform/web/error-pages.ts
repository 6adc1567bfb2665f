import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isApiRequest } from './access-control.ts';
import { describeLimit, JSON_BODY_LIMIT_BYTES } from './body-limits.ts';

const TOO_LARGE = 'What you sent is too large for this service. Go back, shorten what you typed or choose a smaller file, and try again.';

/**
 * GOV.UK-style error pages. Nothing internal reaches the browser: a 4xx says what was wrong with the
 * request, a 5xx says sorry and gives the request id the support team can look up in the logs.
 */
export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    if (isApiRequest(req)) return reply.code(404).send({ error: 'Not found.' });
    return reply.code(404).render('errors/404.njk');
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : isBrokenUpload(req, error) ? 400 : 500;
    if (status >= 500) req.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed');
    const csrf = error.code?.startsWith('FST_CSRF');
    const message =
      status >= 500
        ? 'Sorry, there is a problem with the service.'
        : csrf
          ? 'This form has expired or was not sent from this service. Go back, reload the page and try again.'
          : status === 429
            ? 'Too many attempts. Wait a few minutes and try again.'
            : status === 413
              ? TOO_LARGE
              : 'The request could not be understood.';
    if (isApiRequest(req)) {
      const reason = status >= 500 || csrf ? message : status === 413 ? `The request body is too large: the limit is ${describeLimit(JSON_BODY_LIMIT_BYTES)}.` : error.message;
      return reply.code(status).send({ error: reason, requestId: req.id });
    }
    return reply.code(status).render(status >= 500 ? 'errors/500.njk' : 'errors/4xx.njk', { status, message, requestId: req.id });
  });
}

/**
 * A multipart body that ends early or has a malformed part makes the parser (busboy) throw a plain
 * Error with no status: that is the sender's fault (400), not the service's (500).
 */
function isBrokenUpload(req: FastifyRequest, error: FastifyError): boolean {
  const multipart = String(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
  return multipart && /busboy/i.test(error.stack ?? '');
}
