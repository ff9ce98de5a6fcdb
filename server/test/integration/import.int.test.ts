import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoute } from '../../src/http/import-route';
import { startTestApp, type TestApp } from '../harness';

/** A CRM export: CRLF, a BOM, quoted fields with commas, quotes and a line break. */
const HEADER =
  'Email,Phone,Salesforce ID,First Name,Company,Employees,Customer Since,VIP,Tags,Time Zone,Notes';
const CRM_ROWS = [
  /* 2 */ 'ada@example.com,+33 6 12 34 56 78,003A1,Ada,"Acme, Inc.",250,01/04/2021,yes,vip;beta,Europe/Paris,"Met at ""SaaStr"", wants a demo"',
  /* 3-4 */ 'Bob@Example.com,,003B2,Bob,Globex,12,15/01/2022,no,,,"first line\r\nsecond line"',
  /* 5 */ 'not-an-email,,003C3,Carl,Initech,5,05/05/2020,no,,,',
  /* 6 */ 'dan@example.com,,003D4,Dan,Umbrella,many,05/05/2020,no,,,',
  /* 7 */ ',,,Eve,Hooli,3,05/05/2020,no,,,',
  /* 8 */ ',+1 (415) 555-0100,003F6,Fay,"Stark ""Industries""",1000,31/12/2019,1,enterprise,,',
];
const CRM_CSV = `\uFEFF${HEADER}\r\n${CRM_ROWS.join('\r\n')}\r\n`;

const MAPPING = {
  columns: {
    Email: { identity: 'email' },
    Phone: { identity: 'phone' },
    'Salesforce ID': { identity: 'externalId', source: 'salesforce' },
    'First Name': { trait: 'firstName', type: 'string' },
    Company: { trait: 'company.name', type: 'string' },
    Employees: { trait: 'company.size', type: 'number' },
    'Customer Since': { trait: 'customerSince', type: 'date', format: 'dmy' },
    VIP: { trait: 'vip', type: 'boolean' },
    Tags: { trait: 'tags', type: 'stringList' },
    'Time Zone': { timeZone: true },
  },
};

interface Report {
  dryRun: boolean;
  rows: number;
  valid: number;
  skipped: number;
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  matches: { newProfiles: number; existingProfiles: number } | null;
  skippedLines: number[];
  errors: Array<{ line: number; column: string | null; code: string; message: string }>;
  errorCount: number;
  warnings: Array<{ path: string[]; message: string }>;
  preview: Array<{ line: number; item: Record<string, unknown> }>;
}
/** A 4xx answer: `{ errors: [{ message, extensions: { code, field } }] }`. */
interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string; field?: unknown; line?: number } }>;
}
/** The body of any answer: a report (200) or errors (4xx), both under `errors`. */
type Body = Omit<Report, 'errors'> & {
  errors: Array<Report['errors'][number] & ErrorBody['errors'][number]>;
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function upload(
  key: string | undefined,
  csv: string,
  options: { mapping?: unknown; dryRun?: boolean; dryRunAfterFile?: boolean; url?: string } = {},
): Promise<{ status: number; body: Body }> {
  const form = new FormData();
  const mapping = options.mapping ?? MAPPING;
  form.append('mapping', typeof mapping === 'string' ? mapping : JSON.stringify(mapping));
  const dryRun = () => form.append('dryRun', String(options.dryRun));
  if (options.dryRun !== undefined && !options.dryRunAfterFile) dryRun();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'crm-export.csv');
  if (options.dryRun !== undefined && options.dryRunAfterFile) dryRun();
  const res = await fetch(`${options.url ?? t.url}/v1/imports/customers`, {
    method: 'POST',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Body };
}

interface Listed {
  email: string | null;
  timeZone: string | null;
  traits: Record<string, unknown>;
  identities: Array<{ kind: string; source: string; value: string }>;
}
async function customers(key: string): Promise<Listed[]> {
  const res = await t.gql<{ customers: { totalCount: number; edges: Array<{ node: Listed }> } }>(
    key,
    '{ customers(first: 100) { totalCount edges { node { email timeZone traits identities { kind source value } } } } }',
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.customers.edges.map((e) => e.node);
}

const SKIPPED = [
  {
    line: 5,
    column: 'Email',
    code: 'BAD_USER_INPUT',
    message: expect.stringMatching(/"not-an-email" is not an email/),
  },
  {
    line: 6,
    column: 'Employees',
    code: 'BAD_USER_INPUT',
    message: expect.stringMatching(/"many" is not a number/),
  },
  {
    line: 7,
    column: null,
    code: 'MISSING_IDENTITY',
    message: expect.stringMatching(/fill at least one of "Email", "Phone", "Salesforce ID"/),
  },
];

describe('POST /v1/imports/customers', () => {
  let ws: { key: string; writeKey: string };
  beforeAll(async () => {
    ws = await t.workspace('CRM');
  });

  it('dry run: reports the bad rows by line and column, previews the rest, writes nothing', async () => {
    const { status, body } = await upload(ws.key, CRM_CSV, { dryRun: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      dryRun: true,
      rows: 6,
      valid: 3,
      skipped: 3,
      created: 0,
      matches: { newProfiles: 3, existingProfiles: 0 },
      skippedLines: [5, 6, 7],
      errors: SKIPPED,
      errorCount: 3,
    });
    expect(body.warnings.map((w) => w.path)).toEqual([
      ['mapping', 'columns', 'Company', 'trait'],
      ['file', 'header', 'Notes'],
    ]);
    expect(body.preview[0]).toEqual({
      line: 2,
      item: {
        email: 'ada@example.com',
        phone: '+33612345678',
        externalIds: [{ source: 'salesforce', id: '003A1' }],
        traits: {
          firstName: 'Ada',
          company: { name: 'Acme, Inc.', size: 250 },
          customerSince: '2021-04-01',
          vip: true,
          tags: ['vip', 'beta'],
        },
        timeZone: 'Europe/Paris',
      },
    });
    expect(body.preview.map((p) => p.line)).toEqual([2, 3, 8]);
    expect(body.preview[1]!.item).toEqual({
      email: 'bob@example.com',
      externalIds: [{ source: 'salesforce', id: '003B2' }],
      traits: {
        firstName: 'Bob',
        company: { name: 'Globex', size: 12 },
        customerSince: '2022-01-15',
        vip: false,
      },
    });
    expect(await customers(ws.key)).toEqual([]);
  });

  it('applies the valid rows and skips exactly the bad ones; a second run changes nothing', async () => {
    const first = await upload(ws.key, CRM_CSV);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      rows: 6,
      valid: 3,
      skipped: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      merged: 0,
      matches: null,
      skippedLines: [5, 6, 7],
      errors: SKIPPED,
      preview: [],
    });
    const stored = await customers(ws.key);
    expect(stored).toHaveLength(3);
    const fay = stored.find((c) => c.identities.some((i) => i.value === '003F6'))!;
    expect(fay).toMatchObject({
      email: null,
      traits: {
        firstName: 'Fay',
        company: { name: 'Stark "Industries"', size: 1000 },
        customerSince: '2019-12-31',
        vip: true,
        tags: ['enterprise'],
      },
    });
    expect(fay.identities).toEqual(
      expect.arrayContaining([
        { kind: 'phone', source: '', value: '+14155550100' },
        { kind: 'externalId', source: 'salesforce', value: '003F6' },
      ]),
    );
    const ada = stored.find((c) => c.email === 'ada@example.com')!;
    expect(ada.timeZone).toBe('Europe/Paris');

    const again = await upload(ws.key, CRM_CSV);
    expect(again.body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
      skippedLines: [5, 6, 7],
    });
    expect(await customers(ws.key)).toHaveLength(3);

    const dry = await upload(ws.key, CRM_CSV, { dryRun: true });
    expect(dry.body.matches).toEqual({ newProfiles: 0, existingProfiles: 3 });
  });

  it('updates the profiles the identities name; empty cells keep stored values', async () => {
    const csv = `${HEADER}\nADA@example.com,,,,,,,,,,\n,,003B2,,,13,,,,,\n`;
    const { body } = await upload(ws.key, csv);
    expect(body).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1, skipped: 0 });
    const bob = (await customers(ws.key)).find((c) => c.email === 'bob@example.com')!;
    // The nested object is replaced as a whole (the mapping's warning says so); firstName stays.
    expect(bob.traits).toEqual({
      firstName: 'Bob',
      company: { size: 13 },
      customerSince: '2022-01-15',
      vip: false,
    });
  });

  it('skips rows naming an erased person, with the column, in the dry run and the real run', async () => {
    const erasing = await t.workspace('Erasure');
    await upload(erasing.key, `Email\ngone@example.com\n`, {
      mapping: { columns: { Email: { identity: 'email' } } },
    });
    const [gone] = await t
      .gql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
        erasing.key,
        '{ customers { edges { node { id } } } }',
      )
      .then((r) => r.body.data!.customers.edges.map((e) => e.node.id));
    const erased = await t.gql(
      erasing.key,
      'mutation($id: ID!) { eraseCustomer(id: $id) { customerId } }',
      {
        id: gone,
      },
    );
    expect(erased.body.errors).toBeUndefined();
    const csv = `Email\nkept@example.com\nGone@example.com\n`;
    const mapping = { columns: { Email: { identity: 'email' } } };
    for (const dryRun of [true, false]) {
      const { body } = await upload(erasing.key, csv, { mapping, dryRun });
      expect(body).toMatchObject({
        valid: 1,
        skippedLines: [3],
        errors: [{ line: 3, column: 'Email', code: 'IDENTITY_ERASED' }],
      });
    }
    expect((await customers(erasing.key)).map((c) => c.email)).toEqual(['kept@example.com']);
  });

  it('a malformed file: a clear error with the line, and nothing written (even before the bad line)', async () => {
    const fresh = await t.workspace('Malformed');
    const csv = `${HEADER}\n${CRM_ROWS[0]}\n${CRM_ROWS[5]}\nzed@example.com,,,"Zed,Z,1,2020-01-01,no,,,\nlast@example.com,,,,,,,,,,\n`;
    for (const dryRun of [true, false]) {
      const { status, body } = await upload(fresh.key, csv, { dryRun });
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message: expect.stringMatching(
            /^Line 4: a quoted field starts in this record and is never closed/,
          ),
          extensions: { code: 'BAD_USER_INPUT', field: ['file'], line: 4 },
        },
      ]);
    }
    const ragged = await upload(fresh.key, `${HEADER}\n${CRM_ROWS[0]}\nx@example.com,1,2\n`);
    expect(ragged.status).toBe(400);
    expect(ragged.body.errors[0]!.message).toMatch(/^Line 3 has 3 fields where the header has 11/);
    const empty = await upload(fresh.key, '');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/The file is empty/),
      extensions: { code: 'BAD_USER_INPUT', field: ['file'] },
    });
    const headerOnly = await upload(fresh.key, `${HEADER}\r\n`);
    expect(headerOnly.body).toMatchObject({ rows: 0, valid: 0, skipped: 0, created: 0 });
    expect(await customers(fresh.key)).toEqual([]);
  });

  it('a bad mapping: every problem with its path', async () => {
    const { status, body } = await upload(ws.key, CRM_CSV, {
      mapping: {
        columns: {
          Email: { identity: 'mail' },
          Employees: { trait: 'company.size', type: 'integer' },
        },
      },
    });
    expect(status).toBe(400);
    expect(body.errors.map((e) => [e.extensions.code, e.extensions.field])).toEqual([
      ['BAD_USER_INPUT', ['mapping', 'columns', 'Email', 'identity']],
      ['BAD_USER_INPUT', ['mapping', 'columns', 'Employees', 'type']],
    ]);
    const notJson = await upload(ws.key, CRM_CSV, { mapping: '{' });
    expect(notJson.status).toBe(400);
    const missing = await upload(ws.key, CRM_CSV, {
      mapping: { columns: { ...MAPPING.columns, Country: { trait: 'country', type: 'string' } } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      {
        message: expect.stringMatching(/Column "Country" is not in the file's header/),
        extensions: { code: 'BAD_USER_INPUT', field: ['mapping', 'columns', 'Country'] },
      },
    ]);
  });

  it('refuses write keys, missing keys, fields after the file and bodies that are not forms', async () => {
    const write = await upload(ws.writeKey, CRM_CSV);
    expect(write.status).toBe(403);
    expect(write.body.errors[0]!.extensions.code).toBe('FORBIDDEN');
    const anonymous = await upload(undefined, CRM_CSV);
    expect(anonymous.status).toBe(401);

    const fresh = await t.workspace('Late fields');
    const late = await upload(fresh.key, CRM_CSV, { dryRun: true, dryRunAfterFile: true });
    expect(late.status).toBe(400);
    expect(late.body.errors[0]).toEqual({
      message: expect.stringMatching(/Field "dryRun" came after the file/),
      extensions: { code: 'BAD_USER_INPUT', field: ['dryRun'] },
    });
    expect(await customers(fresh.key)).toEqual([]);

    const json = await fetch(`${t.url}/v1/imports/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as ErrorBody).errors[0]!.message).toMatch(/multipart\/form-data/);
  });

  it('a file over the size limit: 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
    const small = express().use(importRoute(t.app.orm, { maxFileBytes: 300 }));
    const server: Server = await new Promise((resolve) => {
      const s = small.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const fresh = await t.workspace('Too large');
      for (const dryRun of [true, false]) {
        const { status, body } = await upload(fresh.key, CRM_CSV, { dryRun, url });
        expect(status).toBe(413);
        expect(body.errors).toEqual([
          {
            message: expect.stringMatching(/larger than 300 bytes; split it/),
            extensions: { code: 'PAYLOAD_TOO_LARGE', field: ['file'] },
          },
        ]);
      }
      expect(await customers(fresh.key)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
