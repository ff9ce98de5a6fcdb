/**
 * CSV import benchmark: a generated CRM export (BENCH_IMPORT_ROWS rows, 11 columns: email, phone,
 * Salesforce id, names, a quoted company, employees, plan, VIP, signup date, tags) imported through
 * the real HTTP route (`POST /v1/imports/customers`, multipart, streamed from disk) into a fresh
 * SQLite database: first as a dry run, then for real. Baselines measured in the same run: reading
 * the file with csv-parse as the importer sets it up, and bare INSERTs of the same rows (prepared
 * statements, no lookups) into another fresh database. Prints seconds, rows/s, the time spent in
 * ingestion, peak RSS and the load average against the target (100,000 rows in <= 20 s);
 * nothing asserts on timing. Aborts when the database does not hold one customer per row.
 *
 *   cd test && pnpm bench:import
 *   BENCH_IMPORT_ROWS=2000 pnpm bench:import       # small (CI)
 *   BENCH_IMPORT_DRY_RUN=0 pnpm bench:import       # skip the dry run
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, loadConfig, type CairnApp } from '@cairn/server';
import { createApiKey } from '../../server/src/auth/api-key.service';
import { Customer, Workspace } from '../../server/src/db/entities';
import { scopeToWorkspace } from '../../server/src/db/workspace-filter';
import { IngestService } from '../../server/src/modules/ingestion/ingest.service';
import type { ImportReport } from '../../server/src/modules/import/import-report';
import { bareInsert, parseOnly } from './csv-import/baselines';
import { MAPPING, writeCsv } from './csv-import/generate-csv';
import { postMultipart } from './csv-import/post-multipart';
import { elapsed, fmtCount } from './segment-sql/measure';

const TARGET = { rows: 100_000, seconds: 20 };

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer such as 100000 or 100_000 (got "${raw}").`);
  return value;
}

const ROWS = count('BENCH_IMPORT_ROWS', 100_000);
const DRY_RUN = process.env['BENCH_IMPORT_DRY_RUN'] !== '0';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) =>
  `${fmtCount(Math.round(rows / (ms / 1000)))} rows/s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** CPU time (user + system) this process used while `run` ran: on a busy machine, wall time is
 * that plus the time other processes held the cores. */
async function withCpu<T>(run: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, cpuMs: (used.user + used.system) / 1000 };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Time spent inside IngestService.ingest (the ingestion module), summed over its calls. */
const ingestion = { ms: 0, calls: 0 };
const ingest = IngestService.prototype.ingest;
IngestService.prototype.ingest = async function (this: IngestService, ...args) {
  const took = elapsed();
  try {
    return await ingest.apply(this, args);
  } finally {
    ingestion.ms += took();
    ingestion.calls++;
  }
};

/** Samples the resident set size while `run` runs (every 50 ms). */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    const value = await run();
    return { value, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

async function startApp(dir: string): Promise<{ app: CairnApp; server: Server; url: string }> {
  const app = await createApp(
    loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'cairn.sqlite')}`,
      DATA_DIR: dir,
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { app, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function importFile(url: string, key: string, csv: string, dryRun: boolean) {
  const rssBefore = process.memoryUsage.rss();
  const took = elapsed();
  const before = { ...ingestion };
  const {
    value: { value, peak },
    cpuMs,
  } = await withCpu(() =>
    withPeakRss(() =>
      postMultipart(
        `${url}/v1/imports/customers`,
        key,
        { mapping: JSON.stringify(MAPPING), dryRun: String(dryRun) },
        { field: 'file', path: csv, name: 'crm-export.csv' },
      ),
    ),
  );
  const ms = took();
  if (value.status !== 200)
    throw new Error(`The import answered ${value.status}: ${JSON.stringify(value.body)}`);
  const report = value.body as ImportReport;
  return {
    ms,
    cpuMs,
    peak: `${mb(peak)} (${mb(rssBefore)} before)`,
    report,
    ingestMs: ingestion.ms - before.ms,
    batches: ingestion.calls - before.calls,
  };
}

async function main(): Promise<void> {
  console.log(
    `CSV import benchmark: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(`Load average at start: ${load()} (timings on a shared machine are noisy)`);
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-import-'));
  let started: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const csv = join(dir, 'crm-export.csv');
    let took = elapsed();
    await writeCsv(csv, ROWS);
    console.log(
      `Generated ${fmtCount(ROWS)} rows x 11 columns, ${mb(statSync(csv).size)} (${seconds(took())})`,
    );

    console.log('\nBaselines (same file, same process):');
    took = elapsed();
    const parsed = await withCpu(() => parseOnly(csv));
    const parseMs = took();
    console.log(
      `  csv-parse alone (records + line numbers):       ${seconds(parseMs).padStart(9)}  ${perSecond(parsed.value, parseMs)}  CPU ${seconds(parsed.cpuMs)}`,
    );
    took = elapsed();
    const inserted = await withCpu(() => bareInsert(csv));
    const bareMs = took();
    console.log(
      `  csv-parse + bare INSERTs (1 customer + 3 ids):  ${seconds(bareMs).padStart(9)}  ${perSecond(inserted.value, bareMs)}  CPU ${seconds(inserted.cpuMs)}`,
    );

    started = await startApp(dir);
    const { app, url } = started;
    const em = app.orm.em.fork();
    const workspace = em.create(Workspace, { name: 'Import benchmark' });
    const { secret } = createApiKey(em, workspace, 'benchmark');
    await em.flush();

    console.log('\nThrough POST /v1/imports/customers (SQLite, multipart streamed from disk):');
    if (DRY_RUN) {
      const dry = await importFile(url, secret, csv, true);
      console.log(
        `  dry run:   ${seconds(dry.ms).padStart(9)}  ${perSecond(ROWS, dry.ms)}  valid ${fmtCount(dry.report.valid)}, new ${fmtCount(dry.report.matches?.newProfiles ?? 0)}, CPU ${seconds(dry.cpuMs)}, peak RSS ${dry.peak}`,
      );
    }
    const real = await importFile(url, secret, csv, false);
    const { report } = real;
    console.log(
      `  import:    ${seconds(real.ms).padStart(9)}  ${perSecond(ROWS, real.ms)}  created ${fmtCount(report.created)}, skipped ${fmtCount(report.skipped)}, CPU ${seconds(real.cpuMs)}, peak RSS ${real.peak}`,
    );
    console.log(
      `             of which IngestService.ingest: ${seconds(real.ingestMs)} (${((100 * real.ingestMs) / real.ms).toFixed(0)}%, ${real.batches} batches, ${(real.ingestMs / Math.max(1, real.batches)).toFixed(0)} ms each); the rest (upload, parse, convert, validate): ${seconds(real.ms - real.ingestMs)}`,
    );

    const scoped = app.orm.em.fork();
    scopeToWorkspace(scoped, workspace.id);
    const customers = await scoped.count(Customer, {});
    if (customers !== ROWS || report.created !== ROWS || report.skipped !== 0)
      throw new Error(
        `Expected ${ROWS} customers, all created; the database holds ${customers}, the report says created ${report.created}, skipped ${report.skipped} (${JSON.stringify(report.errors.slice(0, 3))}).`,
      );
    console.log(`  verified:  the workspace holds ${fmtCount(customers)} customers, one per row`);

    const projected = (real.ms / ROWS) * TARGET.rows;
    console.log('\nSummary:');
    console.log(
      `  ${fmtCount(ROWS)} rows imported in ${seconds(real.ms)}: ${perSecond(ROWS, real.ms)}; ` +
        (ROWS === TARGET.rows
          ? ''
          : `projected to ${fmtCount(TARGET.rows)} rows: ${seconds(projected)}; `) +
        `target ${fmtCount(TARGET.rows)} rows in <= ${TARGET.seconds} s: ${projected <= TARGET.seconds * 1000 ? 'MET' : 'NOT MET'}`,
    );
    console.log(
      `  CPU time of the import ${seconds(real.cpuMs)} (${perSecond(ROWS, real.cpuMs)} of CPU): the wall time on an idle machine, roughly`,
    );
    console.log(
      `  vs csv-parse alone ${(real.ms / parseMs).toFixed(1)}x, vs bare INSERTs ${(real.ms / bareMs).toFixed(1)}x; process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
  } finally {
    if (started) {
      const { server, app } = started;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    }
    rmSync(dir, { recursive: true, force: true });
    console.log(`Load average at end: ${load()}`);
  }
}

await main();
