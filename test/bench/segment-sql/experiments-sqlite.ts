/**
 * EXPERIMENTS on SQLite. Each is a change the server does not have, measured on the benchmark's
 * connection against the unchanged query:
 *   1. a full table scan instead of the plan SQLite picks without statistics (it walks the
 *      workspace's (workspace_id, email) index and looks every row up in email order);
 *   2. an expression index on the traits of the rule, which needs literal JSON paths (the
 *      compiler binds them as parameters) and no COALESCE around the leaves;
 *   3. an event count condition as a GROUP BY ... HAVING semi-join instead of a correlated
 *      count per customer, also driving the loop by customer id and with a covering index;
 *   4. a bigger page cache and memory-mapped I/O;
 *   5. traits stored as SQLite JSONB (a copy of the table, compared with a full scan);
 *   6. ANALYZE (statistics in sqlite_stat1), which the server never runs.
 */
import { countQuery } from './bench-db';
import type { ExperimentLog } from './experiments';
import {
  bind,
  compiled,
  countOf,
  countStar,
  literalPaths,
  traitExpression,
  withEventSemiJoins,
  withoutCoalesce,
} from './sql-variants';

export async function sqliteExperiments(log: ExperimentLog): Promise<void> {
  const { db } = log;
  const where = (key: string) => compiled('sqlite', log.rule(key).rule);
  const serverQuery = (key: string) => countQuery(db.orm, log.rule(key).rule);

  for (const r of log.rules) {
    await log.plan(`${r.key}, server query`, serverQuery(r.key), false);
    await log.control(r.key, serverQuery(r.key));
  }

  // 1. Full table scan.
  for (const key of ['trait', 'trait-any', 'mixed']) {
    const fullScan = bind('sqlite', countOf(where(key), { workspaceIndex: false }));
    await log.measure(
      'full table scan (+c.workspace_id keeps SQLite off the workspace index)',
      key,
      fullScan,
    );
    if (key !== 'trait-any') await log.plan(`${key}, full table scan`, fullScan, false);
  }

  // 2. Expression index on (workspace_id, country, ltv), as the compiler writes the expressions.
  const literal = withoutCoalesce(literalPaths('sqlite', where('trait')));
  await log.measure(
    'literal JSON paths, no COALESCE (no index)',
    'trait',
    bind('sqlite', countOf(literal)),
  );
  await log.setup(
    'CREATE INDEX on customers (workspace_id, <country as compiled>, <ltv as compiled>)',
    `CREATE INDEX bench_exp_traits ON customers (workspace_id, ${traitExpression('sqlite', 'country', 'string')}, ${traitExpression('sqlite', 'ltv', 'number')})`,
  );
  await log.measure('+ index, server query unchanged', 'trait', serverQuery('trait'));
  await log.measure(
    '+ index, literal paths, COALESCE kept',
    'trait',
    bind('sqlite', countOf(literalPaths('sqlite', where('trait')))),
  );
  await log.measure(
    '+ index, literal paths, no COALESCE',
    'trait',
    bind('sqlite', countOf(literal)),
  );
  await log.measure(
    '+ index, literal paths, no COALESCE, count(*)',
    'trait',
    countStar(bind('sqlite', countOf(literal))),
  );
  await log.plan(
    'trait, + index, literal paths, no COALESCE, count(*)',
    countStar(bind('sqlite', countOf(literal))),
    false,
  );
  await log.setup('DROP INDEX', 'DROP INDEX bench_exp_traits');
  await log.setup(
    'CREATE INDEX on customers (workspace_id, <country>, <ltv>, id): covers count(c.id)',
    `CREATE INDEX bench_exp_traits ON customers (workspace_id, ${traitExpression('sqlite', 'country', 'string')}, ${traitExpression('sqlite', 'ltv', 'number')}, id)`,
  );
  await log.measure(
    '+ index with id, literal paths, no COALESCE, count(c.id)',
    'trait',
    bind('sqlite', countOf(literal)),
  );
  await log.setup('DROP INDEX', 'DROP INDEX bench_exp_traits');

  // 3. Event conditions as semi-joins.
  for (const key of ['event-window', 'mixed']) {
    const semiJoin = bind('sqlite', countOf(withEventSemiJoins('sqlite', log.rule(key).rule)));
    await log.measure(
      'event condition as semi-join (GROUP BY customer_id HAVING count(*) >= 2)',
      key,
      semiJoin,
    );
    if (key === 'event-window') await log.plan(`${key}, semi-join`, semiJoin, false);
    // Without the workspace index SQLite can drive the loop from the subquery's customers (by id).
    const driven = bind(
      'sqlite',
      countOf(withEventSemiJoins('sqlite', log.rule(key).rule), { workspaceIndex: false }),
    );
    await log.measure('semi-join, +c.workspace_id (customers looked up by id)', key, driven);
    if (key === 'event-window') await log.plan(`${key}, semi-join, +c.workspace_id`, driven, false);
  }

  // 3b. ...with a covering index for the subquery (customer_id added to events (workspace_id, name, occurred_at)).
  await log.setup(
    'CREATE INDEX on events (workspace_id, name, occurred_at, customer_id)',
    'CREATE INDEX bench_exp_events_covering ON events (workspace_id, name, occurred_at, customer_id)',
  );
  for (const key of ['event-window', 'mixed']) {
    const driven = bind(
      'sqlite',
      countOf(withEventSemiJoins('sqlite', log.rule(key).rule), { workspaceIndex: false }),
    );
    await log.measure('semi-join, +c.workspace_id, covering index', key, driven);
    if (key === 'event-window')
      await log.plan(`${key}, semi-join, +c.workspace_id, covering index`, driven, false);
  }
  await log.setup('DROP INDEX', 'DROP INDEX bench_exp_events_covering');

  // 4. Page cache and mmap (the server sets neither: SQLite's default cache is 2 MB).
  await log.setup(
    'PRAGMA cache_size = 512 MiB, mmap_size = 2 GiB',
    'PRAGMA cache_size = -524288',
    'PRAGMA mmap_size = 2147483648',
  );
  for (const key of ['trait', 'event-window'])
    await log.measure('cache_size 512 MiB + mmap 2 GiB', key, serverQuery(key));
  await log.setup('back to the defaults', 'PRAGMA cache_size = -2000', 'PRAGMA mmap_size = 0');

  // 5. Traits as JSONB: a copy of the table (no indexes), against a full scan of the original.
  await log.setup(
    'CREATE TABLE bench_exp_customers_jsonb AS SELECT id, workspace_id, jsonb(traits) AS traits FROM customers',
    'CREATE TABLE bench_exp_customers_jsonb AS SELECT id, workspace_id, jsonb(traits) AS traits FROM customers',
    'PRAGMA wal_checkpoint(TRUNCATE)',
  );
  for (const key of ['trait', 'trait-any']) {
    await log.measure(
      'traits as JSONB (copy table, full scan)',
      key,
      bind('sqlite', countOf(where(key), { table: 'bench_exp_customers_jsonb' })),
    );
  }
  await log.measure(
    'traits as JSONB (copy table, full scan), literal paths, no COALESCE',
    'trait',
    bind('sqlite', countOf(literal, { table: 'bench_exp_customers_jsonb' })),
  );
  await log.setup(
    'DROP TABLE',
    'DROP TABLE bench_exp_customers_jsonb',
    'PRAGMA wal_checkpoint(TRUNCATE)',
  );

  // 6. ANALYZE: the planner's choices with statistics.
  await log.setup('ANALYZE', 'ANALYZE');
  for (const r of log.rules) {
    await log.measure('after ANALYZE', r.key, serverQuery(r.key));
    if (r.key === 'trait' || r.key === 'mixed')
      await log.plan(`${r.key}, server query after ANALYZE`, serverQuery(r.key), false);
  }
}
