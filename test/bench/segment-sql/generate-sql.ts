/**
 * The benchmark's data, generated inside the database by one INSERT ... SELECT per table. Every
 * value is a function of the row number through a 32-bit integer hash written in SQL, identical
 * on both engines: SQLite and PostgreSQL hold the same customers (and traits), and a run is
 * reproducible. Only the events differ, by their number.
 */
import { NOW, WORKSPACES, type EngineName } from './config';

const U32 = 4_294_967_296;
/** Countries by popularity: the first one is picked most often (a cubic skew). */
const COUNTRIES = 'USGBDECAFRINBRAUESITNLSEMXJPPLBEIECHATDKNOFIPTNZSGZAKRARCLCO';
const COUNTRY_COUNT = COUNTRIES.length / 2;
/** Event names with their share of events in percent. */
const EVENT_MIX: ReadonlyArray<readonly [string, number]> = [
  ['page_view', 38],
  ['product_view', 12],
  ['email_open', 12],
  ['email_click', 8],
  ['login', 8],
  ['add_to_cart', 6],
  ['search', 6],
  ['order', 5],
  ['signup', 3],
  ['support_ticket', 2],
];
const TAG_SETS = [
  '[]',
  '["b2b"]',
  '["beta"]',
  '["b2b","vip"]',
  '["newsletter"]',
  '["vip"]',
  '["beta","newsletter","churn-risk"]',
  '[]',
];
/** Odd multipliers below 2^31 (so h * M stays inside a signed 64-bit integer). */
const MULTIPLIERS = [
  1540483477, 668265261, 374761393, 1274126177, 1103515245, 1812433253, 1597334677, 1911520717,
  1367130551,
];

/** What differs between the engines' SQL for generating rows. */
interface GenDialect {
  /**
   * Runs `stages` (select lists, each over the previous stage's columns) over the row numbers
   * 1..n as `i`, each stage computed once per row. Returns a WITH prefix and the FROM source.
   */
  pipeline(n: number, stages: readonly string[]): { prefix: string; from: string };
  xor(a: string, b: string): string;
  /** A UUID-shaped id: `prefix` followed by `i` as 12 hex digits. */
  id(prefix: string, i: string): string;
  object(entries: ReadonlyArray<readonly [string, string]>): string;
  /** A JSON string of `text` when `cond`, else the JSON number `number`. */
  stringOrNumber(cond: string, text: string, number: string): string;
  /** Embeds a JSON text (an array) as JSON. */
  json(text: string): string;
  /** A datetime column value from Unix ms. */
  instant(ms: string): string;
}

const sqlite: GenDialect = {
  pipeline(n, stages) {
    const ctes = [`s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n})`];
    stages.forEach((select, k) =>
      ctes.push(`t${k} AS MATERIALIZED (SELECT ${select} FROM ${k === 0 ? 's' : `t${k - 1}`})`),
    );
    return { prefix: `WITH RECURSIVE ${ctes.join(',\n')}\n`, from: `t${stages.length - 1}` };
  },
  xor: (a, b) => `(((${a}) | (${b})) - ((${a}) & (${b})))`,
  id: (prefix, i) => `printf('${prefix}%012x', ${i})`,
  object: (entries) => `json_object(${entries.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  stringOrNumber: (cond, text, number) =>
    `CASE WHEN ${cond} THEN CAST(${text} AS TEXT) ELSE ${number} END`,
  json: (text) => `json(${text})`,
  instant: (ms) => ms,
};

const postgres: GenDialect = {
  pipeline(n, stages) {
    // OFFSET 0 keeps each subquery from being pulled up (which would repeat its expressions).
    let from = `generate_series(1::bigint, ${n}) AS g(i)`;
    stages.forEach((select, k) => {
      from = `(SELECT ${select} FROM ${from} OFFSET 0) t${k}`;
    });
    return { prefix: '', from };
  },
  xor: (a, b) => `((${a}) # (${b}))`,
  id: (prefix, i) => `'${prefix}' || lpad(to_hex(${i}), 12, '0')`,
  object: (entries) => `jsonb_build_object(${entries.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  stringOrNumber: (cond, text, number) =>
    `CASE WHEN ${cond} THEN to_jsonb(CAST(${text} AS TEXT)) ELSE to_jsonb(${number}) END`,
  json: (text) => `(${text})::jsonb`,
  instant: (ms) => `('epoch'::timestamptz + (${ms}) * interval '1 millisecond')`,
};

const DIALECTS: Record<EngineName, GenDialect> = { sqlite, postgres };

/** The hash stages (a 32-bit integer mixer), then `u0`..`u8`: independent 16-bit uniforms. */
function hashStages(d: GenDialect): string[] {
  const mix = `(${d.xor('x', 'x >> 16')} * 73244475) % ${U32}`;
  const us = MULTIPLIERS.map((m, k) => `((h * ${m}) % ${U32}) / 65536 AS u${k}`);
  return [
    `i, (i * 2654435761) % ${U32} AS x`,
    `i, ${mix} AS x`,
    `i, ${mix} AS x`,
    `i, ${d.xor('x', 'x >> 16')} AS h`,
    `i, h, ${us.join(', ')}`,
  ];
}

const CUSTOMER_ID_PREFIX = '00000000-0000-7000-8001-';
const EVENT_ID_PREFIX = '00000000-0000-7000-8002-';

export interface GenerationSizes {
  readonly customers: number;
  readonly otherCustomers: number;
  readonly events: number;
}

const workspaceOf = (i: string, s: GenerationSizes) =>
  `CASE WHEN ${i} <= ${s.customers} THEN '${WORKSPACES.main}' ELSE '${WORKSPACES.other}' END`;

/**
 * Customers 1..n (the main workspace first): country skewed over 30 codes (2% JSON null), ltv in
 * 0..2000 skewed low (1% stored as a string), leadScore 0..100, lastSeenDaysAgo 0..364 skewed
 * recent, plan free/pro/enterprise 60/30/10, tags one of eight lists.
 */
export function customersInsert(engine: EngineName, s: GenerationSizes): string {
  const d = DIALECTS[engine];
  const { prefix, from } = d.pipeline(s.customers + s.otherCustomers, [
    ...hashStages(d),
    `i, u0, u1, u2, u3, u4, u5, u6, u7, u8, (${COUNTRY_COUNT} * u0 * u0 * u0) / 281474976710656 AS country, (u2 * u2 * u2) / 1407374884 AS cents`,
  ]);
  const traits = d.object([
    [
      'country',
      `CASE WHEN u1 % 50 = 0 THEN NULL ELSE substr('${COUNTRIES}', CAST(country * 2 + 1 AS INTEGER), 2) END`,
    ],
    ['ltv', d.stringOrNumber('u3 % 100 = 0', 'cents', 'round(cents / 100.0, 2)')],
    ['leadScore', 'u4 % 101'],
    ['lastSeenDaysAgo', `(u5 * u5 * 365) / ${U32}`],
    ['plan', `CASE WHEN u6 % 10 < 6 THEN 'free' WHEN u6 % 10 < 9 THEN 'pro' ELSE 'enterprise' END`],
    [
      'tags',
      d.json(`CASE u7 % 8 ${TAG_SETS.map((t, k) => `WHEN ${k} THEN '${t}'`).join(' ')} END`),
    ],
  ]);
  const created = d.instant(`${NOW} - (u8 * 86400000000) / 65536`);
  return `${prefix}INSERT INTO customers (id, workspace_id, email, traits, created_at, updated_at, search_text)
SELECT ${d.id(CUSTOMER_ID_PREFIX, 'i')}, ${workspaceOf('i', s)}, 'c' || i || '@example.com',
  ${traits}, ${created}, ${created}, ''
FROM ${from}`;
}

/**
 * Events 1..n: 70% spread evenly over all customers, 30% over a skewed few (heavy users); names
 * by EVENT_MIX; occurred over the last 365 days skewed recent (29% in the last 30), 0.1% in the
 * next day (clock skew); properties {url} plus {amount} on orders.
 */
export function eventsInsert(engine: EngineName, s: GenerationSizes): string {
  const d = DIALECTS[engine];
  const total = s.customers + s.otherCustomers;
  let upTo = 0;
  const names = EVENT_MIX.map(
    ([name, share]) => `WHEN u2 % 100 < ${(upTo += share)} THEN '${name}'`,
  );
  const { prefix, from } = d.pipeline(s.events, [
    ...hashStages(d),
    `i,
  CASE WHEN u0 % 10 < 7 THEN (h * ${total}) / ${U32} ELSE (u1 * u1 * ${total}) / ${U32} END + 1 AS customer,
  CASE ${names.join(' ')} END AS name,
  CASE WHEN u3 % 1000 = 0 THEN ${NOW} + u4 * 1000 ELSE ${NOW} - (u5 * u5 * 73426) / 10000 - u4 * 7 END AS at_ms,
  '/p/' || (u6 % 500) AS url, u7 % 50000 AS cents`,
  ]);
  const properties = `CASE WHEN name = 'order' THEN ${d.object([
    ['url', 'url'],
    ['amount', 'round(cents / 100.0, 2)'],
  ])} ELSE ${d.object([['url', 'url']])} END`;
  return `${prefix}INSERT INTO events (id, workspace_id, customer_id, name, properties, occurred_at, received_at, message_id)
SELECT ${d.id(EVENT_ID_PREFIX, 'i')}, ${workspaceOf('customer', s)}, ${d.id(CUSTOMER_ID_PREFIX, 'customer')},
  name, ${properties}, ${d.instant('at_ms')}, ${d.instant('at_ms')}, NULL
FROM ${from}`;
}

export function workspacesInsert(engine: EngineName): string {
  const at = DIALECTS[engine].instant(String(NOW));
  return `INSERT INTO workspaces (id, name, created_at) VALUES ('${WORKSPACES.main}', 'Bench', ${at}), ('${WORKSPACES.other}', 'Other', ${at})`;
}
