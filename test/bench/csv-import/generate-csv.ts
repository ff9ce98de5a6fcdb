import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The header of the generated CRM export and the mapping the benchmark imports it with. */
export const HEADER = [
  'Email',
  'Phone',
  'Salesforce ID',
  'First Name',
  'Last Name',
  'Company',
  'Employees',
  'Plan',
  'VIP',
  'Signup Date',
  'Tags',
] as const;

export const MAPPING = {
  columns: {
    Email: { identity: 'email' },
    Phone: { identity: 'phone' },
    'Salesforce ID': { identity: 'externalId', source: 'salesforce' },
    'First Name': { trait: 'firstName', type: 'string' },
    'Last Name': { trait: 'lastName', type: 'string' },
    Company: { trait: 'company.name', type: 'string' },
    Employees: { trait: 'company.size', type: 'number' },
    Plan: { trait: 'plan', type: 'string' },
    VIP: { trait: 'vip', type: 'boolean' },
    'Signup Date': { trait: 'signupDate', type: 'date' },
    Tags: { trait: 'tags', type: 'stringList' },
  },
} as const;

const FIRST = ['Ada', 'Bob', 'Chloé', 'Dmitri', 'Eve', 'Fatima', 'Günther', 'Hiro', 'Inès', 'José'];
const LAST = ['Lovelace', 'Martin', "O'Brien", 'Nguyen', 'Schmidt', 'García', 'Rossi', 'Kowalski'];
const COMPANIES = [
  '"Acme, Inc."',
  'Globex',
  '"Stark ""Industries"""',
  'Initech',
  'Umbrella',
  'Hooli',
];
const PLANS = ['free', 'starter', 'pro', 'enterprise'];
const TAGS = ['vip;beta', 'newsletter', '', 'early;partner;emea', 'churn-risk'];

/** One deterministic row: every row names a distinct person by email, phone and Salesforce id. */
export function row(n: number): string {
  const day = 1 + (n % 28);
  const month = 1 + (n % 12);
  return [
    `user${n}@example.com`,
    `+33 6 ${String(10_000_000 + n)
      .slice(-8)
      .replace(/(\d\d)(?=\d)/g, '$1 ')}`,
    `003${String(n).padStart(12, '0')}`,
    FIRST[n % FIRST.length],
    LAST[n % LAST.length],
    COMPANIES[n % COMPANIES.length],
    String(1 + ((n * 37) % 5000)),
    PLANS[n % PLANS.length],
    n % 7 === 0 ? 'yes' : 'no',
    `20${String(10 + (n % 15))}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    TAGS[n % TAGS.length],
  ].join(',');
}

/** Writes `rows` rows (CRLF, with a byte-order mark, as spreadsheet exports do) to `path`. */
export async function writeCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${HEADER.join(',')}\r\n`);
  for (let start = 0; start < rows; start += 5_000) {
    const lines: string[] = [];
    for (let n = start; n < Math.min(rows, start + 5_000); n++) lines.push(row(n));
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}
