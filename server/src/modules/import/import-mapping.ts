import { assertUnreachable, type FieldPath, type Problem } from '@cairn/schema';
import { isJsonObject } from '../ingestion/payload';

/** The identity fields a column can fill directly (external ids also name their source). */
export const PLAIN_IDENTITIES = ['email', 'phone', 'anonymousId', 'customerId'] as const;
export type PlainIdentity = (typeof PLAIN_IDENTITIES)[number];

export const TRAIT_TYPES = ['string', 'number', 'boolean', 'date', 'stringList'] as const;
export type TraitTypeName = (typeof TRAIT_TYPES)[number];

/** How a `date` cell is written: ISO 8601, or day/month/year, or month/day/year (any of `/ . -`). */
export const DATE_FORMATS = ['iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** What a trait cell is converted to. */
export type TraitType =
  | { readonly type: 'string' }
  | { readonly type: 'number' }
  | { readonly type: 'boolean' }
  | { readonly type: 'date'; readonly format: DateFormat }
  | { readonly type: 'stringList'; readonly separator: string };

/** What one CSV column becomes: the mapping JSON, normalized and validated. */
export type ColumnRole =
  | { readonly kind: 'identity'; readonly field: PlainIdentity }
  | { readonly kind: 'externalId'; readonly source: string }
  | { readonly kind: 'trait'; readonly path: readonly string[]; readonly value: TraitType }
  | { readonly kind: 'timeZone' }
  | { readonly kind: 'skip' };

export interface ImportMapping {
  /** By header name (trimmed), in the mapping's order. */
  readonly columns: ReadonlyMap<string, ColumnRole>;
  /** The field delimiter of the file (one character). */
  readonly delimiter: string;
}

/** Something to know that does not stop the import (columns not mapped, nested traits). */
export interface ImportWarning {
  readonly path: FieldPath;
  readonly message: string;
}

export type ReadMapping =
  | { readonly ok: true; readonly mapping: ImportMapping; readonly warnings: ImportWarning[] }
  | { readonly ok: false; readonly problems: Problem[] };

const ROLE_KEYS = ['identity', 'trait', 'timeZone', 'skip'] as const;
const KEYS_OF: Record<(typeof ROLE_KEYS)[number], readonly string[]> = {
  identity: ['identity', 'source'],
  trait: ['trait', 'type', 'separator', 'format'],
  timeZone: ['timeZone'],
  skip: ['skip'],
};
const SOURCE = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const MAX_COLUMNS = 500;
const MAX_TRAIT_DEPTH = 8;
const MAX_KEY_LENGTH = 100;
const FORMS =
  '{"identity": "email" | "phone" | "anonymousId" | "customerId"}, {"identity": "externalId", "source": "salesforce"}, {"trait": "company.size", "type": "number"}, {"timeZone": true} or {"skip": true}';

/**
 * Reads the JSON mapping of a CSV import: which column fills which identity or trait, and how
 * cells are converted. Every problem is reported at once, with its path under `["mapping"]`, e.g.
 * `["mapping", "columns", "Employees", "type"]`.
 *
 * @example
 * readMapping({
 *   columns: {
 *     Email: { identity: 'email' },
 *     'Account ID': { identity: 'externalId', source: 'salesforce' },
 *     Employees: { trait: 'company.size', type: 'number' },
 *     Tags: { trait: 'tags', type: 'stringList', separator: '|' },
 *     Notes: { skip: true },
 *   },
 *   delimiter: ';',
 * });
 */
export function readMapping(json: unknown): ReadMapping {
  const problems: Problem[] = [];
  const bad = (path: FieldPath, message: string) =>
    problems.push({ code: 'BAD_USER_INPUT', path: ['mapping', ...path], message });
  if (!isJsonObject(json)) {
    bad([], 'The mapping is a JSON object: {"columns": {"Email": {"identity": "email"}, ...}}.');
    return { ok: false, problems };
  }
  for (const key of Object.keys(json))
    if (key !== 'columns' && key !== 'delimiter')
      bad([key], `Unknown key "${key}": a mapping has "columns" and, optionally, "delimiter".`);
  const delimiter = readDelimiter(json['delimiter'], bad);
  const columns = new Map<string, ColumnRole>();
  const spec = json['columns'];
  if (!isJsonObject(spec) || Object.keys(spec).length === 0) {
    bad(
      ['columns'],
      'columns maps each CSV header to what it holds, e.g. {"Email": {"identity": "email"}}.',
    );
    return { ok: false, problems };
  }
  if (Object.keys(spec).length > MAX_COLUMNS)
    bad(['columns'], `A mapping names at most ${MAX_COLUMNS} columns.`);
  for (const [name, value] of Object.entries(spec)) {
    const header = name.trim();
    const path = ['columns', name];
    if (header === '') {
      bad(path, 'A column is named by its header, which cannot be empty.');
      continue;
    }
    if (columns.has(header)) {
      bad(
        path,
        `Column "${header}" is mapped twice (headers are compared without surrounding spaces).`,
      );
      continue;
    }
    const role = readRole(value, path, bad);
    if (role) columns.set(header, role);
  }
  // A misspelt identity column is reported where it is; "map an identity" would only add noise.
  const triedIdentity = Object.values(spec).some((v) => isJsonObject(v) && 'identity' in v);
  const warnings = checkTogether(columns, bad, triedIdentity);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, mapping: { columns, delimiter }, warnings };
}

type Report = (path: FieldPath, message: string) => void;

function readDelimiter(value: unknown, bad: Report): string {
  if (value === undefined) return ',';
  if (typeof value === 'string' && value.length === 1 && !'"\r\n'.includes(value)) return value;
  bad(
    ['delimiter'],
    'delimiter is one character other than a quote or a line break, e.g. "," or ";" or "\\t".',
  );
  return ',';
}

function readRole(value: unknown, path: FieldPath, bad: Report): ColumnRole | undefined {
  if (!isJsonObject(value)) {
    bad(path, `Each column maps to an object: ${FORMS}.`);
    return undefined;
  }
  const kinds = ROLE_KEYS.filter((k) => k in value);
  const kind = kinds[0];
  if (kind === undefined || kinds.length > 1) {
    bad(path, `Give exactly one of identity, trait, timeZone or skip: ${FORMS}.`);
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!KEYS_OF[kind].includes(key))
      bad(
        [...path, key],
        `Unknown key "${key}" for a ${kind} column; it takes ${KEYS_OF[kind].join(', ')}.`,
      );
  switch (kind) {
    case 'identity':
      return readIdentity(value, path, bad);
    case 'trait':
      return readTrait(value, path, bad);
    case 'timeZone':
    case 'skip':
      if (value[kind] === true) return { kind };
      bad([...path, kind], `Write {"${kind}": true}.`);
      return undefined;
    default:
      return assertUnreachable(kind);
  }
}

function readIdentity(
  value: Record<string, unknown>,
  path: FieldPath,
  bad: Report,
): ColumnRole | undefined {
  const field = value['identity'];
  if (field === 'externalId') {
    const source = value['source'];
    if (typeof source === 'string' && SOURCE.test(source)) return { kind: 'externalId', source };
    bad(
      [...path, 'source'],
      'An external id names the system it comes from: 1 to 50 of a-z, 0-9, "_" and "-", starting with a letter or digit (e.g. "salesforce").',
    );
    return undefined;
  }
  if (value['source'] !== undefined)
    bad([...path, 'source'], 'Only externalId columns have a source.');
  if (PLAIN_IDENTITIES.includes(field as PlainIdentity))
    return { kind: 'identity', field: field as PlainIdentity };
  bad(
    [...path, 'identity'],
    `identity is one of ${[...PLAIN_IDENTITIES, 'externalId'].join(', ')} (got ${JSON.stringify(field)}).`,
  );
  return undefined;
}

function readTrait(
  value: Record<string, unknown>,
  path: FieldPath,
  bad: Report,
): ColumnRole | undefined {
  const traitPath = readTraitPath(value['trait'], [...path, 'trait'], bad);
  const type = value['type'];
  const separator = value['separator'];
  const format = value['format'];
  if (separator !== undefined && type !== 'stringList')
    bad([...path, 'separator'], 'Only stringList columns have a separator.');
  if (format !== undefined && type !== 'date')
    bad([...path, 'format'], 'Only date columns have a format.');
  let traitType: TraitType | undefined;
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      traitType = { type };
      break;
    case 'date':
      if (format === undefined || DATE_FORMATS.includes(format as DateFormat))
        traitType = { type, format: (format as DateFormat | undefined) ?? 'iso' };
      else
        bad(
          [...path, 'format'],
          'format is "iso" (2024-03-31, 2024-03-31T08:30:00Z), "dmy" (31/03/2024) or "mdy" (03/31/2024).',
        );
      break;
    case 'stringList':
      if (
        separator === undefined ||
        (typeof separator === 'string' && separator.length > 0 && separator.length <= 5)
      )
        traitType = { type, separator: (separator as string | undefined) ?? ';' };
      else
        bad([...path, 'separator'], 'separator is a string of 1 to 5 characters, e.g. ";" or "|".');
      break;
    default:
      bad(
        [...path, 'type'],
        `type is one of ${TRAIT_TYPES.join(', ')} (got ${JSON.stringify(type)}).`,
      );
  }
  return traitPath && traitType ? { kind: 'trait', path: traitPath, value: traitType } : undefined;
}

/** `company.size` → ["company", "size"]; the names follow the rules of stored traits. */
function readTraitPath(value: unknown, path: FieldPath, bad: Report): string[] | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    bad(
      path,
      'trait is the trait to fill: a name, or a dotted path for a nested trait ("company.size").',
    );
    return undefined;
  }
  const names = value.trim().split('.');
  const wrong = names.find((n) => n === '' || n.length > MAX_KEY_LENGTH || n.startsWith('$'));
  if (wrong !== undefined) {
    bad(
      path,
      `"${value}" is not a trait path: names of 1 to ${MAX_KEY_LENGTH} characters, not starting with "$", joined by dots.`,
    );
    return undefined;
  }
  if (names.length > MAX_TRAIT_DEPTH) {
    bad(path, `Traits nest at most ${MAX_TRAIT_DEPTH} levels deep.`);
    return undefined;
  }
  return names;
}

/** Rules across columns: one column per identity field, traits that do not overlap, an identity. */
function checkTogether(
  columns: ReadonlyMap<string, ColumnRole>,
  bad: Report,
  triedIdentity: boolean,
): ImportWarning[] {
  const holder = new Map<string, string>();
  const traits: Array<{ header: string; path: readonly string[] }> = [];
  let identities = 0;
  for (const [header, role] of columns) {
    const at = ['columns', header];
    const claim = (what: string, field: string, hint: string) => {
      const other = holder.get(what);
      if (other === undefined) holder.set(what, header);
      else
        bad(
          [...at, field],
          `Column "${other}" already fills ${hint}; a person has one. Skip one of them.`,
        );
    };
    switch (role.kind) {
      case 'identity':
        identities++;
        claim(role.field, 'identity', role.field);
        break;
      case 'externalId':
        identities++;
        claim(`externalId:${role.source}`, 'source', `the ${role.source} id`);
        break;
      case 'timeZone':
        claim('timeZone', 'timeZone', 'the time zone');
        break;
      case 'trait': {
        const clash = traits.find(
          (t) => isPrefix(t.path, role.path) || isPrefix(role.path, t.path),
        );
        if (clash)
          bad(
            [...at, 'trait'],
            `Trait "${role.path.join('.')}" overlaps trait "${clash.path.join('.')}" of column "${clash.header}": a trait is either a value or an object of traits.`,
          );
        else traits.push({ header, path: role.path });
        break;
      }
      case 'skip':
        break;
      default:
        assertUnreachable(role);
    }
  }
  if (identities === 0 && !triedIdentity)
    bad(
      ['columns'],
      'Map at least one column to an identity (email, phone, externalId, anonymousId or customerId): each row must name its person.',
    );
  return nestedTraitWarnings(traits);
}

function isPrefix(a: readonly string[], b: readonly string[]): boolean {
  return a.length <= b.length && a.every((name, i) => b[i] === name);
}

/** Identify merges traits key by key at the top level: a nested object replaces the stored one. */
function nestedTraitWarnings(
  traits: ReadonlyArray<{ header: string; path: readonly string[] }>,
): ImportWarning[] {
  const firstOf = new Map<string, string>();
  for (const t of traits)
    if (t.path.length > 1 && !firstOf.has(t.path[0]!)) firstOf.set(t.path[0]!, t.header);
  return [...firstOf].map(([top, header]) => ({
    path: ['mapping', 'columns', header, 'trait'],
    message: `Traits under "${top}" are stored as one object: each imported row replaces the profile's whole "${top}" with the cells it has, so keys not in the file (or empty in a row) are dropped from it.`,
  }));
}
