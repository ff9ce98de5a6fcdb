import type { MessageChannel } from '@cairn/schema';

/** A message ready to leave: rendered, addressed, and keyed so the receiver can drop repeats. */
export interface OutgoingMessage {
  readonly idempotencyKey: string;
  readonly channel: MessageChannel;
  /** Email address, E.164 phone number, customer id (push) or endpoint name (webhook). */
  readonly to: string;
  readonly subject?: string;
  readonly body: string;
  readonly customerId: string;
  readonly journeyId: string;
  readonly nodeId: string;
}

/** A way out for one channel. Sending the same idempotency key twice must be harmless at the receiver. */
export interface ChannelProvider {
  send(message: OutgoingMessage): Promise<{ readonly providerMessageId?: string }>;
  close?(): Promise<void>;
}

/** An error the dispatcher should not retry (a bad address, a 4xx answer): the message fails at once. */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

export type Channels = Readonly<Partial<Record<MessageChannel, ChannelProvider>>>;
