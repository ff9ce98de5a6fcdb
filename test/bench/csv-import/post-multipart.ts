import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * POSTs a multipart/form-data body (text fields, then one file streamed from disk) with node:http,
 * which has no response timeout (fetch gives up on a response after 300 s).
 */
export function postMultipart(
  url: string,
  key: string,
  fields: Readonly<Record<string, string>>,
  file: { readonly field: string; readonly path: string; readonly name: string },
): Promise<{ status: number; body: unknown }> {
  const boundary = `----cairn-bench-${randomUUID()}`;
  const head =
    Object.entries(fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const length = Buffer.byteLength(head) + statSync(file.path).size + Buffer.byteLength(tail);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(head);
    const body = createReadStream(file.path);
    body.on('error', reject);
    body.on('end', () => req.end(tail));
    body.pipe(req, { end: false });
  });
}
