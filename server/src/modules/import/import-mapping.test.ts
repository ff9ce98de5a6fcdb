import { describe, expect, it } from 'vitest';
import { readMapping } from './import-mapping';

const paths = (json: unknown) => {
  const read = readMapping(json);
  return read.ok ? [] : read.problems.map((p) => p.path.join('/'));
};

describe('readMapping', () => {
  it('normalizes every kind of column', () => {
    const read = readMapping({
      columns: {
        ' Email ': { identity: 'email' },
        Mobile: { identity: 'phone' },
        'SF Id': { identity: 'externalId', source: 'salesforce' },
        Employees: { trait: 'company.size', type: 'number' },
        Tags: { trait: 'tags', type: 'stringList', separator: '|' },
        Since: { trait: 'since', type: 'date', format: 'dmy' },
        Birthday: { trait: 'birthday', type: 'date' },
        Zone: { timeZone: true },
        Notes: { skip: true },
      },
      delimiter: ';',
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.mapping.delimiter).toBe(';');
    expect(Object.fromEntries(read.mapping.columns)).toEqual({
      Email: { kind: 'identity', field: 'email' },
      Mobile: { kind: 'identity', field: 'phone' },
      'SF Id': { kind: 'externalId', source: 'salesforce' },
      Employees: { kind: 'trait', path: ['company', 'size'], value: { type: 'number' } },
      Tags: { kind: 'trait', path: ['tags'], value: { type: 'stringList', separator: '|' } },
      Since: { kind: 'trait', path: ['since'], value: { type: 'date', format: 'dmy' } },
      Birthday: { kind: 'trait', path: ['birthday'], value: { type: 'date', format: 'iso' } },
      Zone: { kind: 'timeZone' },
      Notes: { kind: 'skip' },
    });
    // A nested trait replaces the stored object as a whole: the mapping says so.
    expect(read.warnings).toEqual([
      expect.objectContaining({
        path: ['mapping', 'columns', 'Employees', 'trait'],
        message: expect.stringMatching(/"company"/),
      }),
    ]);
  });

  it('defaults: comma delimiter, ";" list separator', () => {
    const read = readMapping({
      columns: { E: { identity: 'email' }, T: { trait: 't', type: 'stringList' } },
    });
    expect(read.ok && read.mapping.delimiter).toBe(',');
    expect(read.ok && read.mapping.columns.get('T')).toMatchObject({
      value: { separator: ';' },
    });
  });

  it('reports every problem at once, each at its path', () => {
    const read = readMapping({
      columns: {
        Email: { identity: 'mail' },
        Employees: { trait: 'company.size', type: 'integer' },
        Tags: { trait: 'tags', type: 'string', separator: ';' },
        Account: { identity: 'externalId' },
        Both: { identity: 'email', trait: 'x', type: 'string' },
        Nothing: {},
        Typo: { trait: 'plan', type: 'string', tpye: 'x' },
        Bad: 'email',
        Path: { trait: 'a..b', type: 'string' },
        Dollar: { trait: '$set', type: 'string' },
        Skip: { skip: 'yes' },
        Date: { trait: 'd', type: 'date', format: 'ymd' },
      },
      delimiter: ',,',
      extra: 1,
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.every((p) => p.code === 'BAD_USER_INPUT')).toBe(true);
    expect(read.problems.map((p) => p.path.join('/')).sort()).toEqual(
      [
        'mapping/extra',
        'mapping/delimiter',
        'mapping/columns/Email/identity',
        'mapping/columns/Employees/type',
        'mapping/columns/Tags/separator',
        'mapping/columns/Account/source',
        'mapping/columns/Both',
        'mapping/columns/Nothing',
        'mapping/columns/Typo/tpye',
        'mapping/columns/Bad',
        'mapping/columns/Path/trait',
        'mapping/columns/Dollar/trait',
        'mapping/columns/Skip/skip',
        'mapping/columns/Date/format',
      ].sort(),
    );
    const employees = read.problems.find((p) => p.path.includes('Employees'));
    expect(employees?.message).toMatch(/string, number, boolean, date, stringList/);
  });

  it('refuses columns that fill the same thing twice or overlapping traits', () => {
    expect(
      paths({
        columns: {
          E1: { identity: 'email' },
          E2: { identity: 'email' },
          S1: { identity: 'externalId', source: 'salesforce' },
          S2: { identity: 'externalId', source: 'salesforce' },
          H: { identity: 'externalId', source: 'hubspot' },
          Company: { trait: 'company', type: 'string' },
          Size: { trait: 'company.size', type: 'number' },
          Z1: { timeZone: true },
          Z2: { timeZone: true },
          'E1 ': { identity: 'phone' },
        },
      }),
    ).toEqual([
      'mapping/columns/E1 ',
      'mapping/columns/E2/identity',
      'mapping/columns/S2/source',
      'mapping/columns/Size/trait',
      'mapping/columns/Z2/timeZone',
    ]);
  });

  it('needs an identity column and a columns object', () => {
    expect(paths({ columns: { Plan: { trait: 'plan', type: 'string' } } })).toEqual([
      'mapping/columns',
    ]);
    expect(paths({ columns: {} })).toEqual(['mapping/columns']);
    expect(paths([])).toEqual(['mapping']);
    expect(paths({ columns: { '  ': { identity: 'email' } } })).toEqual(['mapping/columns/  ']);
  });
});
