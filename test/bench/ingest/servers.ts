import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The server package: `node --import tsx src/main.ts serve` runs from there (its tsconfig). */
const SERVER_DIR = fileURLToPath(new URL('../../../server', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** Statements of one shape: how many ran, and their summed duration as the ORM logs it. */
export interface QueryStat {
  count: number;
  ms: number;
}

/** A statement's shape: values and repeated row tuples folded, cut to a readable length. */
function statementShape(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .replace(
      /\((?:\?|null|true|false)(?:, (?:\?|null|true|false))*\)(?:, \((?:\?|null|true|false)(?:, (?:\?|null|true|false))*\))+/g,
      '(…), …',
    )
    .replace(/\(\?(?:, \?)+\)/g, '(?, …)')
    .replace(/\s+/g, ' ')
    .slice(0, 160);
}

/** One `cairn serve` process listening on 127.0.0.1 (a port of its choosing). */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** The log lines of level error or worse, so far. */
  readonly errorLines: () => string[];
  /** With `queryLog`: time per kind of SQL statement, from the ORM's query log. */
  readonly queries: ReadonlyMap<string, QueryStat>;
  /** SIGTERM (the server drains and closes the database), then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the real application as its own process, as operators run it (`cairn serve`), with the
 * production settings and info-level JSON logs on stdout, read here (error lines kept, the rest
 * dropped). The load generator then runs in this process, not on the server's event loop.
 */
export async function startServer(options: {
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly cpuProfileDir?: string | undefined;
  /** Log every SQL statement with its duration (LOG_LEVEL=trace turns on the ORM's query log). */
  readonly queryLog?: boolean;
}): Promise<ServerProcess> {
  const args = [
    ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []),
    '--import',
    'tsx',
    'src/main.ts',
    'serve',
  ];
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: options.queryLog ? 'trace' : 'info',
      NO_COLOR: '1',
      // No web app: the benchmark measures the API.
      CLIENT_DIST: options.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const queries = new Map<string, QueryStat>();
  const errors: string[] = [];
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`cairn serve did not listen within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) =>
      reject(new Error(`cairn serve exited (code ${code}) before listening:\n${stderr.join('')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as {
        msg?: string;
        port?: number;
        level?: number;
        orm?: boolean;
      };
      if (entry.orm && entry.msg) {
        // "[query] select … [took 3 ms, 1 result]" (plain text: the server runs with NO_COLOR).
        const m = /^\[query\] ([\s\S]*) \[took (\d+) ms/.exec(entry.msg);
        if (m) {
          const shape = statementShape(m[1]!);
          const stat = queries.get(shape) ?? { count: 0, ms: 0 };
          stat.count++;
          stat.ms += Number(m[2]);
          queries.set(shape, stat);
        }
        return;
      }
      if (entry.msg === 'listening' && entry.port) {
        clearTimeout(timer);
        resolve(entry.port);
      }
      if ((entry.level ?? 0) >= 50) errors.push(line);
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    errorLines: () => errors,
    queries,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
