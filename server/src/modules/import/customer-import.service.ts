import type { Readable } from 'node:stream';
import { assertUnreachable, type Problem } from '@cairn/schema';
import { Workspace } from '../../db/entities';
import type { Em } from '../../db/orm';
import { CairnError } from '../../errors/cairn-error';
import { IngestService } from '../ingestion/ingest.service';
import { MAX_BATCH } from '../ingestion/payload';
import { readCsvRecords } from './csv-records';
import type { ImportMapping, ImportWarning } from './import-mapping';
import { ImportReportBuilder, type ImportReport } from './import-report';
import { matchProfiles } from './profile-match';
import { RowReader, type ReadRow, type RowError } from './row-reader';

/** Where merges record that a profile changed. */
export const IMPORT_SOURCE = 'CSV import';

/** Problems that refuse a whole import (a mapping or a header that does not fit the file). */
export class ImportRefused extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'ImportRefused';
  }
}

/** Consecutive data rows read, converted and written together (at most one ingestion batch). */
type Chunk = Array<
  ReadRow | { readonly ok: false; readonly line: number; readonly errors: RowError[] }
>;

/**
 * Imports customers from a CSV file, streaming: rows are read, converted by the mapping and handed
 * to ingestion 1,000 at a time, so memory stays flat whatever the file's size. A row with an error
 * is skipped and reported (line, column, code, message); every other row is applied.
 */
export class CustomerImportService {
  constructor(
    private readonly em: Em,
    private readonly workspace: Workspace,
  ) {}

  /**
   * Reads and validates the whole file and writes nothing: the rows that would be skipped and why,
   * which rows name known profiles, and a preview of the first rows as they would be stored.
   */
  async dryRun(
    mapping: ImportMapping,
    warnings: readonly ImportWarning[],
    file: Readable,
  ): Promise<ImportReport> {
    const report = new ImportReportBuilder(true, warnings);
    const known = new Set<string>();
    await this.readChunks(file, mapping, report, async (reader, chunk) => {
      const valid = chunk.filter((row): row is ReadRow => row.ok);
      const matches = await matchProfiles(this.em.fork(), this.workspace, valid, known);
      const byRow = new Map(valid.map((row, i) => [row, matches[i]!]));
      for (const row of chunk) {
        if (!row.ok) {
          report.skipped(row.line, row.errors);
          continue;
        }
        const match = byRow.get(row)!;
        if ('problem' in match)
          report.skipped(row.line, [
            reader.rowError(match.problem, row.line, row.externalIdColumns),
          ]);
        else report.wouldApply(row.line, row.item, match.existing);
      }
    });
    return report.report();
  }

  /**
   * Imports a file that `open` reads from the start (called twice): the first pass checks that the
   * whole file is readable CSV with the mapped columns, so a broken file writes nothing; the second
   * applies every valid row, 1,000 rows per transaction.
   */
  async apply(
    mapping: ImportMapping,
    warnings: readonly ImportWarning[],
    open: () => Readable,
  ): Promise<ImportReport> {
    await this.checkReadable(open(), mapping);
    const report = new ImportReportBuilder(false, warnings);
    await this.readChunks(open(), mapping, report, async (reader, chunk) => {
      const valid = chunk.filter((row): row is ReadRow => row.ok);
      const outcomes = valid.length === 0 ? [] : await this.ingest(valid);
      const byRow = new Map(valid.map((row, i) => [row, outcomes[i]!]));
      for (const row of chunk) {
        if (!row.ok) {
          report.skipped(row.line, row.errors);
          continue;
        }
        const outcome = byRow.get(row)!;
        switch (outcome.status) {
          case 'ACCEPTED':
            report.applied(outcome.profile);
            break;
          case 'REJECTED':
            report.skipped(
              row.line,
              outcome.problems.map((p) => reader.rowError(p, row.line, row.externalIdColumns)),
            );
            break;
          case 'DUPLICATE':
            throw new Error('Ingestion reported a duplicate event for an identify item.');
          default:
            assertUnreachable(outcome);
        }
      }
    });
    return report.report();
  }

  /** One ingestion batch on a fresh fork, so the identity map never holds more than a chunk. */
  private async ingest(rows: readonly ReadRow[]) {
    const em = this.em.fork();
    const workspace = await em.findOneOrFail(Workspace, { id: this.workspace.id });
    return new IngestService(em, workspace).ingest(
      rows.map((row) => row.raw),
      { defaultType: 'identify', source: IMPORT_SOURCE },
    );
  }

  /** Parses the whole file and binds its header; converts nothing. */
  private async checkReadable(file: Readable, mapping: ImportMapping): Promise<void> {
    let header = true;
    for await (const record of readCsvRecords(file, mapping.delimiter)) {
      if (!header) continue;
      header = false;
      const bound = RowReader.bind(mapping, record.cells);
      if (!bound.ok) throw new ImportRefused(bound.problems);
    }
    if (header) throw emptyFile();
  }

  /** Streams the file's rows, converted, to `handle` in chunks of consecutive rows. */
  private async readChunks(
    file: Readable,
    mapping: ImportMapping,
    report: ImportReportBuilder,
    handle: (reader: RowReader, chunk: Chunk) => Promise<void>,
  ): Promise<void> {
    let reader: RowReader | undefined;
    let chunk: Chunk = [];
    const now = new Date();
    for await (const { line, cells } of readCsvRecords(file, mapping.delimiter)) {
      if (!reader) {
        const bound = RowReader.bind(mapping, cells);
        if (!bound.ok) throw new ImportRefused(bound.problems);
        reader = bound.reader;
        report.warn(bound.warnings);
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      const row = reader.read(cells, line, chunk.length, now);
      chunk.push(row.ok ? row : { ok: false, line, errors: row.errors });
      if (chunk.length === MAX_BATCH) {
        await handle(reader, chunk);
        chunk = [];
      }
    }
    if (!reader) throw emptyFile();
    if (chunk.length > 0) await handle(reader, chunk);
  }
}

function emptyFile(): CairnError {
  return CairnError.badInput(
    ['file'],
    'The file is empty: its first line is the header, with the column names the mapping uses.',
  );
}
