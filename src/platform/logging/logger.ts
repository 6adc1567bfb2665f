import pino, { type Logger } from 'pino';

/**
 * Structured logs with nothing personal in them: no cookies, no bodies, no query strings (they can
 * carry names or emails), no client addresses. Record ids (UUIDs) and request ids are enough to
 * trace a problem; the audit trail, not the log, says who looked at what.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'opensend' },
      redact: { paths: ['req.headers', 'headers.cookie', 'headers.authorization', 'email', 'password'], remove: true },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}
