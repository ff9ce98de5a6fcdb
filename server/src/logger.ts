import { pino, type Logger } from 'pino';
import type { Config } from './config/config';

export type { Logger };

/** The process logger. Every request gets a child of it carrying `reqId` (see http/request-id). */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'cairn' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
