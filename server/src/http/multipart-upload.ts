import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { CairnError } from '../errors/cairn-error';

/** A multipart/form-data request whose file part is being received. */
export interface Upload {
  /** The form fields that came before the file. */
  readonly fields: ReadonlyMap<string, string>;
  /** The file's bytes, as they arrive; errors with PAYLOAD_TOO_LARGE past the size limit. */
  readonly file: Readable;
  /** Settles when the whole body is read: rejects when a field came after the file. */
  readonly done: Promise<void>;
}

export interface UploadLimits {
  /** The form field that holds the file. */
  readonly fileField: string;
  readonly maxFileBytes: number;
  /** The size limit of every other field. */
  readonly maxFieldBytes: number;
}

/**
 * Starts reading a multipart/form-data body (streaming, with busboy) and resolves as soon as the
 * file part begins, with the fields sent before it. The fields must come first: a field after the
 * file makes `done` reject, so a late `dryRun` can never turn into a real import.
 */
export function receiveUpload(req: Request, limits: UploadLimits): Promise<Upload> {
  const form = `multipart/form-data with the fields first, then the CSV as the "${limits.fileField}" part`;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        fileSize: limits.maxFileBytes,
        fieldSize: limits.maxFieldBytes,
        files: 1,
        fields: 20,
        parts: 21,
      },
    });
  } catch {
    return Promise.reject(CairnError.badInput([], `Send ${form}.`));
  }
  return new Promise<Upload>((resolve, reject) => {
    const fields = new Map<string, string>();
    const late: string[] = [];
    let file: Readable | undefined;
    let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
    const done = new Promise<void>((res, rej) => (settle = { resolve: res, reject: rej }));
    done.catch(() => {});
    const fail = (error: CairnError) => {
      reject(error);
      settle?.reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (file) late.push(name);
      else if (info.valueTruncated)
        fail(
          CairnError.badInput([name], `The field is larger than ${limits.maxFieldBytes} bytes.`),
        );
      else fields.set(name, value);
    });
    parser.on('file', (name, stream) => {
      if (name !== limits.fileField || file) {
        stream.resume();
        fail(CairnError.badInput([name], `Unexpected file part "${name}": send ${form}.`));
        return;
      }
      file = stream;
      // The consumer sees a destroyed stream's error when it starts reading; until then, no crash.
      stream.on('error', () => {});
      stream.once('limit', () =>
        stream.destroy(
          new CairnError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than ${megabytes(limits.maxFileBytes)}; split it into several files and import them one by one.`,
            [limits.fileField],
          ),
        ),
      );
      resolve({ fields, file: stream, done });
    });
    parser.on('close', () => {
      if (!file) fail(CairnError.badInput([limits.fileField], `No file: send ${form}.`));
      else if (late.length > 0)
        fail(
          CairnError.badInput(
            [late[0]!],
            `Field "${late[0]}" came after the file; send the fields before the "${limits.fileField}" part.`,
          ),
        );
      else settle?.resolve();
    });
    parser.on('error', (error) => {
      const reason = error instanceof Error ? error.message : String(error);
      fail(CairnError.badInput([], `The multipart body cannot be read (${reason}); send ${form}.`));
      file?.destroy(
        CairnError.badInput([limits.fileField], `The upload was cut short (${reason}).`),
      );
    });
    req.pipe(parser);
  });
}

/** Stops reading the request (after an early answer): what is left of the body is discarded. */
export function discardBody(req: Request): void {
  req.unpipe();
  req.resume();
}

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.floor(bytes / 1024 / 1024)} MB`;
