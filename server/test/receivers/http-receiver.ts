import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly body: Record<string, unknown>;
}

/**
 * An HTTP endpoint on 127.0.0.1 standing in for an SMS, push or webhook provider: it records each
 * call, and answers with `status(path)` (200 unless a test says otherwise).
 */
export async function startHttpReceiver(status: (path: string) => number = () => 200): Promise<{
  url: string;
  calls: ReceivedCall[];
  close(): Promise<void>;
}> {
  const calls: ReceivedCall[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const server = createServer(async (req, res) => {
    const text = await read(req);
    const path = req.url ?? '/';
    const code = status(path);
    if (code < 300) {
      calls.push({
        path,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        body: JSON.parse(text) as Record<string, unknown>,
      });
    }
    res.writeHead(code, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
