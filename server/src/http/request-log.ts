import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';

const SAFE_ID = /^[\w.-]{1,64}$/;

/**
 * Gives every request an id (the caller's `x-request-id` when it is safe, else a new UUID), echoes
 * it in the response header, and attaches `req.log`: a child logger that puts `reqId` on every line.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    // req.log binds only `reqId`, so every line a request writes carries it flatly.
    quietReqLogger: true,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
    },
  });
}
