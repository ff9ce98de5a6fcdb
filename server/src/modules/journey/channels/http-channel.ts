import type { ChannelProvider, OutgoingMessage } from './channel-provider';
import { PermanentSendError } from './channel-provider';

/**
 * SMS, WhatsApp, push and webhooks as a JSON POST to a configured endpoint, with the message's
 * idempotency key in an `Idempotency-Key` header (and the body). `urlFor` picks the endpoint (a
 * webhook node names one of the workspace's endpoints). 4xx answers fail the message at once;
 * network errors and 5xx are retried by the dispatcher.
 */
export function httpChannel(
  urlFor: (m: OutgoingMessage) => string | undefined,
  timeoutMs = 10_000,
): ChannelProvider {
  return {
    async send(m: OutgoingMessage) {
      const url = urlFor(m);
      if (!url)
        throw new PermanentSendError(`no endpoint named "${m.to}" is configured (WEBHOOK_URLS)`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey },
        body: JSON.stringify({
          idempotencyKey: m.idempotencyKey,
          channel: m.channel,
          to: m.to,
          ...(m.subject === undefined ? {} : { subject: m.subject }),
          body: m.body,
          customerId: m.customerId,
          journeyId: m.journeyId,
          nodeId: m.nodeId,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (response.status >= 400 && response.status < 500 && response.status !== 429)
        throw new PermanentSendError(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
      if (!response.ok)
        throw new Error(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
      const id = response.headers.get('x-message-id');
      return id ? { providerMessageId: id } : {};
    },
  };
}
