import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload saved to a temporary file, to be read more than once. */
export interface SpooledFile {
  /** A new stream over the whole file. */
  open(): Readable;
  /** Deletes the file (always call it, in `finally`). */
  remove(): Promise<void>;
}

/** Writes a stream to a temporary file of its own (deleted again if the stream fails). */
export async function spoolToDisk(source: Readable): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  try {
    await pipeline(source, createWriteStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { open: () => createReadStream(path), remove };
}
