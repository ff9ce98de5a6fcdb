import { assertUnreachable, type ErrorCode, type FieldPath, type Problem } from '@cairn/schema';
import { readItem } from '../ingestion/ingest-item';
import { convertCell } from './cell-value';
import type { ColumnRole, ImportMapping, ImportWarning } from './import-mapping';

/** Why a row is skipped: the line it starts on, the column at fault (null: the row), a code. */
export interface RowError {
  readonly line: number;
  readonly column: string | null;
  readonly code: ErrorCode;
  readonly message: string;
}

/** A row as it will be stored: identities normalized (emails lower-cased, phones in E.164). */
export interface PreviewItem {
  readonly customerId?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly anonymousId?: string;
  readonly externalIds?: Array<{ source: string; id: string }>;
  readonly traits: Record<string, unknown>;
  readonly timeZone?: string;
}

/** A row that converted and validated: the raw identify item for ingestion, and what it holds. */
export interface ReadRow {
  readonly ok: true;
  readonly line: number;
  readonly raw: Record<string, unknown>;
  readonly item: PreviewItem;
  /** The column of each entry of `raw.externalIds` (empty cells leave no entry). */
  readonly externalIdColumns: readonly string[];
}

export type RowResult = ReadRow | { readonly ok: false; readonly errors: RowError[] };

interface BoundColumn {
  readonly index: number;
  readonly header: string;
  readonly role: Exclude<ColumnRole, { kind: 'skip' }>;
}

export type BindHeader =
  | { readonly ok: true; readonly reader: RowReader; readonly warnings: ImportWarning[] }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * Turns the cells of one CSV row into an identify item, following the mapping bound to the file's
 * header. Cells are converted to their trait types; the item is then validated exactly as
 * ingestion will validate it, and every problem is reported with the column it comes from.
 */
export class RowReader {
  private constructor(
    private readonly columns: readonly BoundColumn[],
    private readonly identityHeaders: readonly string[],
  ) {}

  /**
   * Finds the mapped columns in the header. A mapped column missing from the file, or named twice
   * in it, is a problem; file columns the mapping does not name are ignored, with a warning.
   */
  static bind(mapping: ImportMapping, header: readonly string[]): BindHeader {
    const names = header.map((h) => h.trim());
    const problems: Problem[] = [];
    const warnings: ImportWarning[] = [];
    const columns: BoundColumn[] = [];
    for (const [name, role] of mapping.columns) {
      const at = names.indexOf(name);
      if (at < 0) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: ['mapping', 'columns', name],
          message: `Column "${name}" is not in the file's header (${names.map((n) => JSON.stringify(n)).join(', ')}). Correct the name, or remove it from the mapping.`,
        });
      } else if (names.indexOf(name, at + 1) >= 0) {
        problems.push({
          code: 'BAD_USER_INPUT',
          path: ['file', 'header', name],
          message: `The header names column "${name}" more than once; rename the columns so that the mapped one is unique.`,
        });
      } else if (role.kind !== 'skip') {
        columns.push({ index: at, header: name, role });
      }
    }
    const unmapped = [...new Set(names)].filter((n) => n !== '' && !mapping.columns.has(n));
    for (const name of unmapped)
      warnings.push({
        path: ['file', 'header', name],
        message: `Column "${name}" is not in the mapping and is ignored (map it, or map it to {"skip": true} to silence this).`,
      });
    if (problems.length > 0) return { ok: false, problems };
    const identityHeaders = columns
      .filter((c) => c.role.kind === 'identity' || c.role.kind === 'externalId')
      .map((c) => c.header);
    return { ok: true, reader: new RowReader(columns, identityHeaders), warnings };
  }

  /** Reads one row; `index` is its place in the ingestion chunk (problem paths start with it). */
  read(cells: readonly string[], line: number, index: number, now: Date): RowResult {
    const errors: RowError[] = [];
    const raw: Record<string, unknown> = {};
    const traits: Record<string, unknown> = {};
    const externalIds: Array<{ source: string; id: string }> = [];
    const externalIdColumns: string[] = [];
    for (const { index: at, header, role } of this.columns) {
      const cell = cells[at] ?? '';
      if (cell.trim() === '') continue;
      switch (role.kind) {
        case 'identity':
          raw[role.field] = cell;
          break;
        case 'externalId':
          externalIds.push({ source: role.source, id: cell });
          externalIdColumns.push(header);
          break;
        case 'timeZone':
          raw['timeZone'] = cell.trim();
          break;
        case 'trait': {
          const converted = convertCell(cell, role.value);
          if (!converted.ok)
            errors.push({
              line,
              column: header,
              code: 'BAD_USER_INPUT',
              message: converted.message,
            });
          else if (converted.value !== undefined) setPath(traits, role.path, converted.value);
          break;
        }
        default:
          assertUnreachable(role);
      }
    }
    if (externalIds.length > 0) raw['externalIds'] = externalIds;
    raw['traits'] = traits;
    const read = readItem(raw, index, now, 'identify');
    if (!read.ok) {
      for (const p of read.problems) errors.push(this.rowError(p, line, externalIdColumns));
    }
    if (errors.length > 0 || !read.ok) return { ok: false, errors };
    if (read.item.type !== 'identify') throw new Error('A CSV row is always an identify item.');
    const { identities } = read.item;
    const item: Record<string, unknown> = {};
    if (identities.customerId) item['customerId'] = identities.customerId;
    const ids: Array<{ source: string; id: string }> = [];
    for (const { key } of identities.keys) {
      if (key.kind === 'externalId') ids.push({ source: key.source, id: key.value });
      else item[key.kind] = key.value;
    }
    if (ids.length > 0) item['externalIds'] = ids;
    item['traits'] = read.item.traits;
    if (read.item.timeZone) item['timeZone'] = read.item.timeZone;
    return { ok: true, line, raw, item: item as unknown as PreviewItem, externalIdColumns };
  }

  /**
   * A problem of a row's item (from validation or ingestion; its path starts with the item's index)
   * as a row error that names the column it comes from.
   */
  rowError(problem: Problem, line: number, externalIdColumns: readonly string[]): RowError {
    if (problem.code === 'MISSING_IDENTITY')
      return {
        line,
        column: null,
        code: problem.code,
        message: `The row names no one: fill at least one of ${this.identityHeaders.map((h) => `"${h}"`).join(', ')}.`,
      };
    return {
      line,
      column: this.columnOf(problem.path.slice(1), externalIdColumns),
      code: problem.code,
      message: problem.message,
    };
  }

  private columnOf(path: FieldPath, externalIdColumns: readonly string[]): string | null {
    const [field, ...rest] = path;
    if (field === 'externalIds') return externalIdColumns[Number(rest[0])] ?? null;
    const column = this.columns.find(({ role }) => {
      switch (role.kind) {
        case 'identity':
          return role.field === field;
        case 'timeZone':
          return field === 'timeZone';
        case 'trait':
          return (
            field === 'traits' &&
            rest.length > 0 &&
            role.path.every((n, i) => i >= rest.length || rest[i] === n)
          );
        case 'externalId':
          return false;
        default:
          return assertUnreachable(role);
      }
    });
    return column?.header ?? null;
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const name of path.slice(0, -1)) {
    const child = node[name];
    if (typeof child === 'object' && child !== null) node = child as Record<string, unknown>;
    else node = node[name] = {};
  }
  node[path[path.length - 1]!] = value;
}
