import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app built by `pnpm --filter @cairn/client build`; served at `/` when it exists. */
const DEFAULT_CLIENT_DIST = fileURLToPath(new URL('../../../client/dist', import.meta.url));
import { z } from 'zod';

/** Where the data lives: an embedded SQLite file (the default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly path: string; readonly url: string }
  | { readonly dialect: 'postgres'; readonly url: string };

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be one of: true, false, 1, 0' })
  .transform((v) => v === 'true' || v === '1');

const databaseUrl = z.string().transform((raw, ctx): DatabaseTarget => {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'sqlite: needs a file path, e.g. sqlite:./data/cairn.sqlite or sqlite::memory:',
      });
      return z.NEVER;
    }
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path), url: raw };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      const parsed = new URL(raw);
      if (parsed.pathname.length <= 1) throw new Error('no database name');
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a URL like postgres://user@127.0.0.1:5432/cairn (with a database name)',
      });
      return z.NEVER;
    }
    return { dialect: 'postgres', url: raw };
  }
  ctx.addIssue({
    code: 'custom',
    message:
      'must start with sqlite: (e.g. sqlite:./data/cairn.sqlite) or postgres:// (e.g. postgres://user@127.0.0.1:5432/cairn)',
  });
  return z.NEVER;
});

const httpUrl = z.string().regex(/^https?:\/\//, 'must be an http:// or https:// URL');

const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      message: 'must be one of: development, production, test',
    })
    .default('development'),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(4000),
  DATABASE_URL: databaseUrl.default(databaseUrl.parse('sqlite:./data/cairn.sqlite')),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of: fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SEED_DEMO: booleanFlag.optional(),
  CLIENT_DIST: z.string().min(1, 'must not be empty').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds from 0 to 600000' })
    .int()
    .min(0)
    .max(600_000, 'must be a number of milliseconds from 0 to 600000')
    .default(10_000),
  SEGMENT_RECHECK_MS: z.coerce
    .number({ message: 'must be a number of milliseconds from 0 (off) to 3600000' })
    .int()
    .min(0)
    .max(3_600_000, 'must be a number of milliseconds from 0 (off) to 3600000')
    .default(1_000),
  JOURNEY_WORKER_MS: z.coerce
    .number({ message: 'must be a number of milliseconds from 0 (off) to 60000' })
    .int()
    .min(0)
    .max(60_000, 'must be a number of milliseconds from 0 (off) to 60000')
    .default(500),
  JOURNEY_LEASE_MS: z.coerce
    .number({ message: 'must be a number of milliseconds from 1000 to 600000' })
    .int()
    .min(1_000, 'must be a number of milliseconds from 1000 to 600000')
    .max(600_000, 'must be a number of milliseconds from 1000 to 600000')
    .default(30_000),
  JOURNEY_TIMER_LOOKAHEAD_MS: z.coerce
    .number({ message: 'must be a whole number of milliseconds from 0' })
    .int('must be a whole number of milliseconds from 0')
    .min(0, 'must be a whole number of milliseconds from 0')
    .default(0),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be a URL like smtp://user:pass@127.0.0.1:2525')
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3, 'must be an address, e.g. "Cairn <hello@example.com>"')
    .default('Cairn <no-reply@localhost>'),
  SMS_URL: httpUrl.optional(),
  WHATSAPP_URL: httpUrl.optional(),
  PUSH_URL: httpUrl.optional(),
  WEBHOOK_URLS: z
    .string()
    .transform((raw, ctx) => {
      const out: Record<string, string> = {};
      for (const part of raw
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = part.indexOf('=');
        const name = part.slice(0, at).trim();
        const url = part.slice(at + 1).trim();
        if (at <= 0 || !/^https?:\/\//.test(url)) {
          ctx.addIssue({
            code: 'custom',
            message: `must be name=url pairs separated by commas, e.g. sales=http://127.0.0.1:9000/hook (bad: "${part}")`,
          });
          return z.NEVER;
        }
        Object.defineProperty(out, name, { value: url, enumerable: true });
      }
      return out;
    })
    .optional(),
});

/** Where messages go out: each channel's provider endpoint (unset: that channel is not configured). */
export interface ChannelConfig {
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly smsUrl?: string;
  readonly whatsappUrl?: string;
  readonly pushUrl?: string;
  /** Webhook endpoints by name (a webhook node names one; "sales" receives sales notifications). */
  readonly webhookUrls: Readonly<Record<string, string>>;
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseTarget;
  readonly dataDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the demo workspace into an empty database (default: on, except in production). */
  readonly seedDemo: boolean;
  /** Folder of the built web app to serve at `/` (the API alone when it holds no index.html). */
  readonly clientDist: string;
  readonly shutdownTimeoutMs: number;
  /** How often time-based segment re-checks run (0: never, for tests that drive the clock). */
  readonly segmentRecheckMs: number;
  /** How often the journey workers (timers, outbox) look for due work (0: not in this process). */
  readonly journeyWorkerMs: number;
  /** How long a worker's claim on a timer or message holds; a dead worker's work is picked up after it. */
  readonly journeyLeaseMs: number;
  /** Waits ending within this much of now are ended now (tests and benchmarks skip waits with it; 0 in production). */
  readonly journeyTimerLookaheadMs: number;
  readonly channels: ChannelConfig;
}

/** A configuration value that is not allowed; start-up stops with this message. */
export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<{ variable: string; message: string }>) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from environment variables. Empty strings count as unset.
 *
 * @example
 * const config = loadConfig({ PORT: '4000', DATABASE_URL: 'sqlite::memory:' });
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const input = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(config)'),
        message: `${issue.message} (got ${JSON.stringify(input[String(issue.path[0])])})`,
      })),
    );
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    database: c.DATABASE_URL,
    dataDir: resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    seedDemo: c.SEED_DEMO ?? c.NODE_ENV !== 'production',
    clientDist: resolve(c.CLIENT_DIST ?? DEFAULT_CLIENT_DIST),
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    segmentRecheckMs: c.SEGMENT_RECHECK_MS,
    journeyWorkerMs: c.JOURNEY_WORKER_MS,
    journeyLeaseMs: c.JOURNEY_LEASE_MS,
    journeyTimerLookaheadMs: c.JOURNEY_TIMER_LOOKAHEAD_MS,
    channels: {
      ...(c.SMTP_URL ? { smtpUrl: c.SMTP_URL } : {}),
      mailFrom: c.MAIL_FROM,
      ...(c.SMS_URL ? { smsUrl: c.SMS_URL } : {}),
      ...(c.WHATSAPP_URL ? { whatsappUrl: c.WHATSAPP_URL } : {}),
      ...(c.PUSH_URL ? { pushUrl: c.PUSH_URL } : {}),
      webhookUrls: c.WEBHOOK_URLS ?? {},
    },
  };
}
