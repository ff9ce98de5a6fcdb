/**
 * EXPERIMENTS on PostgreSQL. Each is a change the server does not have, measured on the
 * benchmark's connection against the unchanged query:
 *   1. JIT off (on by default in PostgreSQL 15: plans that cost enough are compiled, and the
 *      compilation is paid on every run);
 *   2. no parallel workers (to show what the 2 workers bring);
 *   3. cheaper trait SQL: literal JSON paths and no COALESCE, `->` with jsonb equality, a list
 *      test by containment and jsonpath instead of two subqueries per row;
 *   4. an expression index on the traits of the rule, which needs no COALESCE around the leaf
 *      (parameter or literal paths both work: custom plans fold the parameters), and count(*)
 *      (the bitmap scan still reads the heap), or a covering index INCLUDE (id, traits), scanned
 *      index-only;
 *   5. an event count condition as a GROUP BY ... HAVING semi-join instead of a correlated count
 *      per customer, also with a covering index (INCLUDE customer_id) for index-only scans,
 *      without JIT and with more work_mem for the aggregate;
 *   6. the rule's two traits promoted to generated columns with a plain index.
 *
 * Measured by hand on a kept 1M-customer database (psql and node-postgres, PostgreSQL 15.20,
 * shared_buffers 128MB, load average 1.5-4; not yet an experiment here), for trait-any:
 *   - the server query: a parallel seq scan, 455-740 ms; JIT does not compile it (cost 66k <
 *     jit_above_cost), so `jit = off` changes nothing;
 *   - the floor of any heap scan, `count(*) WHERE workspace_id = … AND email IS NOT NULL`:
 *     91-250 ms, so no seq-scan shape can reliably meet 150 ms;
 *   - hand-written `->` / jsonb equality for the same semantics: about 10% faster (502 vs 562 ms);
 *   - one partial index per condition (btree on the compiled text and number expressions, GIN
 *     jsonb_path_ops on `CASE WHEN <string list> THEN traits #> '{tags}' END` with the list test
 *     written as `@> '["vip"]'`): a BitmapOr, 297-376 ms; the Bitmap Heap Scan still reads every
 *     heap page (15.20 has no skip-fetch for all-visible pages), and expression indexes are never
 *     scanned index-only (PostgreSQL checks the `traits` column itself).
 * Then (kept 1M database, pgbench median of 7, load 1.2-1.7), which the server now does:
 *   - the plan was already parallel (2 workers launched; the rule functions are PARALLEL SAFE and
 *     trait-only counts run outside any transaction), so marking functions changes nothing;
 *   - a single jsonb operator per row already costs more than the target: `traits @> '{"plan":
 *     "enterprise"}'` alone 232 ms, `traits ->> 'plan' = …` 221 ms, three `@>` ORed 399 ms, over
 *     a 47-109 ms floor; cheaper expressions cannot reach 150 ms;
 *   - the rule as the predicate of a partial index on (created_at, id) (`ruleIndexOf` in
 *     trait-indexes.ts): an Index Only Scan with no heap fetch, trait-any 39 ms (49 ms without
 *     parallel workers), trait 17 ms; the newest 20 matches by a backward scan of it, 0.3 ms.
 */
import { raw, sql } from '../../../server/src/rules/sql-fragment';
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

export async function postgresExperiments(log: ExperimentLog): Promise<void> {
  const where = (key: string) => compiled('postgres', log.rule(key).rule);
  const serverQuery = (key: string) => countQuery(log.db.orm, log.rule(key).rule);

  for (const r of log.rules) {
    await log.plan(`${r.key}, server query`, serverQuery(r.key), true);
    await log.control(r.key, serverQuery(r.key));
  }

  // 1. JIT (the plans above show where it compiles: trait-any and mixed).
  await log.setup('SET jit = off', 'SET jit = off');
  for (const key of ['trait-any', 'mixed']) await log.measure('jit = off', key, serverQuery(key));
  await log.setup('RESET jit', 'RESET jit');

  // 2. Parallel workers.
  await log.setup(
    'SET max_parallel_workers_per_gather = 0',
    'SET max_parallel_workers_per_gather = 0',
  );
  await log.measure('no parallel workers', 'trait', serverQuery('trait'));
  await log.setup('RESET max_parallel_workers_per_gather', 'RESET max_parallel_workers_per_gather');

  // 3. Cheaper trait expressions (no index).
  const literal = withoutCoalesce(literalPaths('postgres', where('trait')));
  await log.measure('literal JSON paths, no COALESCE', 'trait', bind('postgres', countOf(literal)));
  const lean = raw(
    `c.traits -> 'country' IN ('"US"'::jsonb, '"CA"'::jsonb) AND (CASE WHEN jsonb_typeof(c.traits -> 'ltv') = 'number' THEN (c.traits ->> 'ltv')::float8 END) > 500`,
  );
  await log.measure(
    '-> with jsonb equality (hand-written)',
    'trait',
    bind('postgres', countOf(lean)),
  );
  // The list test without subqueries: containment, and a jsonpath for "every element a string".
  // (The jsonpath is a parameter: its `?` would read as a placeholder.)
  const leanAny = sql`(CASE WHEN jsonb_typeof(c.traits -> 'plan') = 'string' THEN c.traits ->> 'plan' END) = 'enterprise'
     OR (jsonb_typeof(c.traits -> 'tags') = 'array' AND c.traits -> 'tags' @> '["vip"]'
         AND NOT jsonb_path_exists(c.traits -> 'tags', ${'$[*] ? (@.type() != "string")'}::jsonpath))
     OR (CASE WHEN jsonb_typeof(c.traits -> 'leadScore') = 'number' THEN (c.traits ->> 'leadScore')::float8 END) >= 90`;
  await log.measure(
    'list contains as @> and jsonpath, not subqueries (hand-written)',
    'trait-any',
    bind('postgres', countOf(leanAny)),
  );
  await log.plan('trait-any, @> and jsonpath', bind('postgres', countOf(leanAny)), true);

  // 4. Expression index on (workspace_id, country, ltv), as the compiler writes the expressions.
  await log.setup(
    'CREATE INDEX on customers (workspace_id, <country as compiled>, <ltv as compiled>); ANALYZE customers',
    `CREATE INDEX bench_exp_traits ON customers (workspace_id, ${traitExpression('postgres', 'country', 'string')}, ${traitExpression('postgres', 'ltv', 'number')})`,
    'ANALYZE customers',
  );
  await log.measure('+ index, server query unchanged', 'trait', serverQuery('trait'));
  await log.measure(
    '+ index, literal paths, COALESCE kept',
    'trait',
    bind('postgres', countOf(literalPaths('postgres', where('trait')))),
  );
  await log.measure(
    '+ index, parameter paths, no COALESCE',
    'trait',
    bind('postgres', countOf(withoutCoalesce(where('trait')))),
  );
  await log.measure(
    '+ index, literal paths, no COALESCE',
    'trait',
    bind('postgres', countOf(literal)),
  );
  const star = countStar(bind('postgres', countOf(withoutCoalesce(where('trait')))));
  await log.measure('+ index, parameter paths, no COALESCE, count(*)', 'trait', star);
  await log.plan('trait, + index, parameter paths, no COALESCE, count(*)', star, true);
  await log.setup('DROP INDEX', 'DROP INDEX bench_exp_traits');
  // PostgreSQL 15 scans an expression index index-only only if the table columns the query
  // reads (traits in the expressions, id in count(c.id)) are in it: INCLUDE them.
  await log.setup(
    'CREATE INDEX on customers (workspace_id, <country>, <ltv>) INCLUDE (id, traits)',
    `CREATE INDEX bench_exp_traits_covering ON customers (workspace_id, ${traitExpression('postgres', 'country', 'string')}, ${traitExpression('postgres', 'ltv', 'number')}) INCLUDE (id, traits)`,
    'ANALYZE customers',
  );
  const noCoalesce = bind('postgres', countOf(withoutCoalesce(where('trait'))));
  await log.measure('+ covering index, parameter paths, no COALESCE', 'trait', noCoalesce);
  await log.plan('trait, + covering index, parameter paths, no COALESCE', noCoalesce, true);
  await log.setup('DROP INDEX', 'DROP INDEX bench_exp_traits_covering');

  // 5. Event conditions as semi-joins, then with a covering index (the proposal would replace
  // events (workspace_id, name, occurred_at) by the same index INCLUDE (customer_id)).
  const semiJoin = (key: string) =>
    bind('postgres', countOf(withEventSemiJoins('postgres', log.rule(key).rule)));
  for (const key of ['event-window', 'mixed'])
    await log.measure(
      'event condition as semi-join (GROUP BY customer_id HAVING count(*) >= 2)',
      key,
      semiJoin(key),
    );
  await log.plan('event-window, semi-join', semiJoin('event-window'), true);
  await log.setup(
    'CREATE INDEX on events (workspace_id, name, occurred_at) INCLUDE (customer_id)',
    'CREATE INDEX bench_exp_events_covering ON events (workspace_id, name, occurred_at) INCLUDE (customer_id)',
  );
  for (const key of ['event-window', 'mixed']) {
    await log.measure('semi-join + covering index', key, semiJoin(key));
    await log.plan(`${key}, semi-join + covering index`, semiJoin(key), true);
  }
  // Each parallel process builds its own copy of the (non-parallel) hash of the subquery.
  await log.setup(
    'SET max_parallel_workers_per_gather = 0',
    'SET max_parallel_workers_per_gather = 0',
  );
  for (const key of ['event-window', 'mixed'])
    await log.measure('semi-join + covering index, no parallel workers', key, semiJoin(key));
  await log.setup('RESET max_parallel_workers_per_gather', 'RESET max_parallel_workers_per_gather');
  await log.setup('SET jit = off', 'SET jit = off');
  for (const key of ['event-window', 'mixed'])
    await log.measure('semi-join + covering index, jit = off', key, semiJoin(key));
  await log.setup("SET work_mem = '64MB'", "SET work_mem = '64MB'");
  await log.measure(
    'semi-join + covering index, jit = off, work_mem 64MB',
    'mixed',
    semiJoin('mixed'),
  );
  await log.setup(
    'RESET jit, work_mem; DROP INDEX',
    'RESET jit',
    'RESET work_mem',
    'DROP INDEX bench_exp_events_covering',
  );

  // 6. Last (it rewrites the table): the two traits promoted to generated columns, indexed.
  const country = traitExpression('postgres', 'country', 'string');
  const ltv = traitExpression('postgres', 'ltv', 'number');
  await log.setup(
    'ADD COLUMN bench_country, bench_ltv GENERATED ALWAYS AS (<as compiled>) STORED; CREATE INDEX (workspace_id, bench_country, bench_ltv, id); VACUUM ANALYZE',
    `ALTER TABLE customers ADD COLUMN bench_country text GENERATED ALWAYS AS (${country}) STORED, ADD COLUMN bench_ltv double precision GENERATED ALWAYS AS (${ltv}) STORED`,
    'CREATE INDEX bench_exp_promoted ON customers (workspace_id, bench_country, bench_ltv, id)',
    'VACUUM (ANALYZE) customers',
  );
  const promoted = bind(
    'postgres',
    countOf(raw(`c.bench_country IN ('US', 'CA') AND c.bench_ltv > 500`)),
  );
  await log.measure(
    'traits as generated columns + index (compiler maps the paths)',
    'trait',
    promoted,
  );
  await log.plan('trait, generated columns + index', promoted, true);
}
