import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly idempotencyKey: string | undefined;
  readonly to: string[];
  readonly raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives. It
 * counts messages by idempotency key, as a provider that drops repeats would.
 */
export async function startSmtpReceiver(): Promise<{
  url: string;
  mails: ReceivedMail[];
  byKey(): Map<string, number>;
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const key = /^X-Cairn-Idempotency-Key:\s*(.+)$/im.exec(raw)?.[1]?.trim();
        mails.push({ idempotencyKey: key, to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  // A sender killed mid-session (the crash test's SIGKILLs) resets its connection: the server
  // reports it as an error of its own, which a provider shrugs off. Anything else still fails.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return;
    process.nextTick(() => {
      throw err;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    byKey() {
      const counts = new Map<string, number>();
      for (const m of mails)
        counts.set(m.idempotencyKey ?? '', (counts.get(m.idempotencyKey ?? '') ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
