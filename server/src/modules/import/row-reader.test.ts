import { describe, expect, it } from 'vitest';
import { readMapping, type ImportMapping } from './import-mapping';
import { RowReader } from './row-reader';

const NOW = new Date('2026-11-23T12:00:00Z');

function mapping(columns: Record<string, unknown>): ImportMapping {
  const read = readMapping({ columns });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.mapping;
}

const crm = mapping({
  Email: { identity: 'email' },
  Phone: { identity: 'phone' },
  'SF Id': { identity: 'externalId', source: 'salesforce' },
  'HS Id': { identity: 'externalId', source: 'hubspot' },
  Company: { trait: 'company.name', type: 'string' },
  Employees: { trait: 'company.size', type: 'number' },
  VIP: { trait: 'vip', type: 'boolean' },
  Tags: { trait: 'tags', type: 'stringList' },
  Zone: { timeZone: true },
  Notes: { skip: true },
});
const header = [
  'Email',
  'Phone',
  'SF Id',
  'HS Id',
  'Company',
  'Employees',
  'VIP',
  'Tags',
  'Zone',
  'Notes',
];

function reader(): RowReader {
  const bound = RowReader.bind(crm, header);
  if (!bound.ok) throw new Error(JSON.stringify(bound.problems));
  return bound.reader;
}

describe('RowReader.bind', () => {
  it('reports mapped columns missing from the file, and warns about unmapped ones', () => {
    const bound = RowReader.bind(crm, ['Email', 'Phone', 'Company', 'Extra', 'Notes']);
    expect(bound.ok).toBe(false);
    if (bound.ok) return;
    expect(bound.problems.map((p) => p.path)).toEqual([
      ['mapping', 'columns', 'SF Id'],
      ['mapping', 'columns', 'HS Id'],
      ['mapping', 'columns', 'Employees'],
      ['mapping', 'columns', 'VIP'],
      ['mapping', 'columns', 'Tags'],
      ['mapping', 'columns', 'Zone'],
    ]);
    expect(bound.problems[0]?.message).toMatch(/not in the file's header \("Email", "Phone"/);
    const ok = RowReader.bind(mapping({ ' Email': { identity: 'email' } }), ['Email ', 'Extra']);
    expect(ok.ok && ok.warnings).toEqual([
      { path: ['file', 'header', 'Extra'], message: expect.stringMatching(/not in the mapping/) },
    ]);
  });

  it('refuses a mapped column the header names twice', () => {
    const bound = RowReader.bind(crm, [...header, 'Email']);
    expect(!bound.ok && bound.problems.map((p) => p.path)).toEqual([['file', 'header', 'Email']]);
  });
});

describe('RowReader.read', () => {
  it('builds the identify item: identities, nested traits, typed cells; empty cells are no value', () => {
    const row = reader().read(
      [
        ' Ada@Example.COM',
        '+33 6 12 34 56 78',
        '003XYZ',
        '',
        'Acme, Inc.',
        '250',
        'yes',
        'a; b',
        'Europe/Paris',
        'n',
      ],
      7,
      0,
      NOW,
    );
    expect(row).toEqual({
      ok: true,
      line: 7,
      raw: {
        email: ' Ada@Example.COM',
        phone: '+33 6 12 34 56 78',
        externalIds: [{ source: 'salesforce', id: '003XYZ' }],
        traits: { company: { name: 'Acme, Inc.', size: 250 }, vip: true, tags: ['a', 'b'] },
        timeZone: 'Europe/Paris',
      },
      item: {
        email: 'ada@example.com',
        phone: '+33612345678',
        externalIds: [{ source: 'salesforce', id: '003XYZ' }],
        traits: { company: { name: 'Acme, Inc.', size: 250 }, vip: true, tags: ['a', 'b'] },
        timeZone: 'Europe/Paris',
      },
      externalIdColumns: ['SF Id'],
    });
    const sparse = reader().read(['', '', '', 'H1', '', '', '', '', '', ''], 8, 0, NOW);
    expect(sparse.ok && sparse.raw).toEqual({
      externalIds: [{ source: 'hubspot', id: 'H1' }],
      traits: {},
    });
  });

  it('reports every problem of a row with its line and column', () => {
    const row = reader().read(
      ['not-an-email', '12', '', 'H1', '', 'fifty', 'maybe', '', 'Mars/Olympus', ''],
      12,
      3,
      NOW,
    );
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [12, 'Employees', 'BAD_USER_INPUT'],
      [12, 'VIP', 'BAD_USER_INPUT'],
      [12, 'Email', 'BAD_USER_INPUT'],
      [12, 'Phone', 'BAD_USER_INPUT'],
      [12, 'Zone', 'BAD_USER_INPUT'],
    ]);
    expect(row.errors[0]?.message).toMatch(/"fifty" is not a number/);
    expect(row.errors[2]?.message).toMatch(/"not-an-email" is not an email address/);
  });

  it('a row without any identity names the identity columns', () => {
    const row = reader().read(['', '', '', '', 'Acme', '', '', '', '', ''], 4, 0, NOW);
    expect(!row.ok && row.errors).toEqual([
      {
        line: 4,
        column: null,
        code: 'MISSING_IDENTITY',
        message: 'The row names no one: fill at least one of "Email", "Phone", "SF Id", "HS Id".',
      },
    ]);
  });

  it('maps problem paths of ingestion back to columns', () => {
    const r = reader();
    const at = (path: Array<string | number>) =>
      r.rowError({ code: 'IDENTITY_CONFLICT', path, message: 'm' }, 9, ['HS Id']).column;
    expect(at([0, 'externalIds', 0, 'id'])).toBe('HS Id');
    expect(at([0, 'email'])).toBe('Email');
    expect(at([0, 'traits', 'company', 'size'])).toBe('Employees');
    expect(at([0, 'traits', 'company'])).toBe('Company');
    expect(at([0, 'traits', 'vip'])).toBe('VIP');
    expect(at([0, 'timeZone'])).toBe('Zone');
    expect(at([0, 'traits'])).toBeNull();
    expect(at([0])).toBeNull();
  });
});
