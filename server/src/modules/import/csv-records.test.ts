import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CairnError } from '../../errors/cairn-error';
import { readCsvRecords, type CsvRecord } from './csv-records';

async function records(chunks: string[], delimiter = ','): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(Readable.from(chunks), delimiter)) out.push(record);
  return out;
}

async function failure(chunks: string[]): Promise<{ message: string; line: unknown }> {
  try {
    await records(chunks);
  } catch (error) {
    if (error instanceof CairnError)
      return { message: error.message, line: error.extensions['line'] };
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('readCsvRecords', () => {
  it('numbers each record by the line it starts on: BOM, blank lines, multi-line fields', async () => {
    const file = '\uFEFFname,notes\nAda,"line one\nline two"\n\n\nBob,plain\nCy,"x"\n';
    expect(await records([file])).toEqual([
      { line: 1, cells: ['name', 'notes'] },
      { line: 2, cells: ['Ada', 'line one\nline two'] },
      { line: 6, cells: ['Bob', 'plain'] },
      { line: 7, cells: ['Cy', 'x'] },
    ]);
  });

  it('counts CRLF once, inside quoted fields too, across chunk boundaries', async () => {
    const file = 'a,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2,3\r\n4,5';
    const expected = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\r\ny\r\nz'] },
      { line: 6, cells: ['2', '3'] },
      { line: 7, cells: ['4', '5'] },
    ];
    expect(await records([file])).toEqual(expected);
    expect(await records(file.split(''))).toEqual(expected);
  });

  it('reads another delimiter, and delimiters inside quotes as text', async () => {
    expect(await records(['a;b\n"x;y";"say ""hi"""\n'], ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', 'say "hi"'] },
    ]);
  });

  it('an unclosed quote: the line where the record starts', async () => {
    const refused = await failure(['a,b\n1,2\n3,"never closed\n4,5\n6,7\n']);
    expect(refused.line).toBe(3);
    expect(refused.message).toMatch(/^Line 3: a quoted field .* never closed/);
  });

  it('a record with another number of fields than the header', async () => {
    const refused = await failure(['a,b,c\n1,2,3\n\n4,Acme, Inc.,6\n']);
    expect(refused.line).toBe(4);
    expect(refused.message).toMatch(/^Line 4 has 4 fields where the header has 3/);
  });

  it('a stray quote inside a field', async () => {
    const refused = await failure(['a,b\n1,"2"x\n']);
    expect(refused.line).toBe(2);
    expect(refused.message).toMatch(/quote stands inside a field/);
  });

  it('an empty file yields nothing', async () => {
    expect(await records([''])).toEqual([]);
  });
});
