import { createTransport, type Transporter } from 'nodemailer';
import type { ChannelProvider, OutgoingMessage } from './channel-provider';
import { PermanentSendError } from './channel-provider';

/**
 * Email over SMTP (nodemailer, pooled). The idempotency key is the Message-ID and an
 * `X-Cairn-Idempotency-Key` header, so a message re-sent after a crash is recognisable as the same.
 */
export function smtpChannel(url: string, from: string): ChannelProvider {
  // Pooled: a few connections reused for every message instead of one connection each.
  const pooled = /[?&]pool=/.test(url)
    ? url
    : `${url}${url.includes('?') ? '&' : '?'}pool=true&maxConnections=5`;
  const transport: Transporter = createTransport(pooled);
  return {
    async send(m: OutgoingMessage) {
      try {
        const info = await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject ?? '',
          html: m.body,
          messageId: `<${m.idempotencyKey.replace(/[^A-Za-z0-9.:_-]/g, '_')}@cairn>`,
          headers: { 'X-Cairn-Idempotency-Key': m.idempotencyKey },
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx answers (unknown mailbox, rejected): retrying will not help.
        if (code !== undefined && code >= 500)
          throw new PermanentSendError(`SMTP ${code}: ${(error as Error).message}`);
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}
