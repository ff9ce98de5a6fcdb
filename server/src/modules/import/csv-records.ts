import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { CairnError } from '../../errors/cairn-error';

/** One record of the file: its cells and the line it starts on (1 is the header's line). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A record longer than this is refused: almost always a quote that is never closed. */
export const MAX_RECORD_BYTES = 1024 * 1024;
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Streams the records of a CSV file (the header first) with the line each starts on. A byte-order
 * mark is dropped, empty lines are skipped, line breaks may be CRLF, LF or CR, and quoted fields may
 * span lines. A file csv-parse cannot read (an unclosed quote, a record with more or fewer fields
 * than the header) ends the stream with a BAD_USER_INPUT CairnError naming the line where the
 * faulty record starts.
 *
 * Lines are counted here, from each record's own line breaks and csv-parse's count of empty lines:
 * csv-parse's `info.lines` counts a CRLF inside a quoted field as two lines.
 */
export async function* readCsvRecords(
  source: Readable,
  delimiter: string,
): AsyncGenerator<CsvRecord, void, undefined> {
  let next = 1;
  let emptyLines = 0;
  let fields: number | undefined;
  const startOf = (empty: number) => next + (empty - emptyLines);
  const options: Options<CsvRecord, string[]> = {
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: false,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (cells, info) => {
      const line = startOf(info.empty_lines);
      emptyLines = info.empty_lines;
      next = line + 1 + lineBreaks(cells);
      fields ??= cells.length;
      return { line, cells };
    },
  };
  // csv-parse's overloads type `on_record` for plain arrays; this one returns a CsvRecord.
  const parser = parse(options as unknown as Options);
  // pipeline forwards an error of the source (an upload cut short, a size limit) to the parser.
  pipeline(source, parser, () => {});
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw unreadable(error, startOf(Number(error['empty_lines'] ?? emptyLines)), fields);
  } finally {
    parser.destroy();
  }
}

function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells)
    if (cell.includes('\n') || cell.includes('\r')) count += cell.match(LINE_BREAK)?.length ?? 0;
  return count;
}

function unreadable(error: CsvError, line: number, header: number | undefined): CairnError {
  const where = `Line ${line}`;
  let message: string;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      message = `${where}: a quoted field starts in this record and is never closed. Close the quote; a quote inside a quoted field is written twice ("").`;
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      message = `${where}: a quote stands inside a field. Quote the whole field and write the quotes inside it twice ("say ""hi""").`;
      break;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const got = Array.isArray(error['record']) ? error['record'].length : undefined;
      message = `${where} has ${got ?? 'a different number of'} fields where the header has ${header ?? 'another number'}: quote the fields that contain the delimiter (e.g. "Acme, Inc.") and check the delimiter.`;
      break;
    }
    case 'CSV_MAX_RECORD_SIZE':
      message = `${where}: the record is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB, usually a quote that is never closed.`;
      break;
    default:
      message = `${where}: the file is not valid CSV (${error.message}).`;
  }
  const result = new CairnError('BAD_USER_INPUT', message, ['file']);
  result.extensions['line'] = line;
  return result;
}
