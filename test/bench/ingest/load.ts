import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import type { Workload } from './workload';

/** What the responses said, over every request of a configuration (warm-up included). */
export class ResponseLedger {
  accepted = 0;
  duplicates = 0;
  rejected = 0;
  /** Requests answered with a status other than 200, and the first few bodies. */
  non2xx = 0;
  readonly badAnswers: string[] = [];
  /** ACCEPTED answers per messageId: exactly one each is the goal. */
  readonly acceptedTimes = new Map<string, number>();
  /** messageIds answered ACCEPTED or DUPLICATE: the server vouches they are stored. */
  readonly acknowledged = new Set<string>();

  record(status: number, text: string, sent: readonly { messageId: string }[]): void {
    if (status !== 200) {
      this.non2xx++;
      this.note(`HTTP ${status}: ${text.slice(0, 300)}`);
      return;
    }
    const body = JSON.parse(text) as {
      results: Array<{ index: number; status: string; messageId?: string | null }>;
      accepted: number;
      duplicates: number;
      rejected: number;
    };
    this.accepted += body.accepted;
    this.duplicates += body.duplicates;
    this.rejected += body.rejected;
    if (body.results.length !== sent.length)
      this.note(`${body.results.length} results for ${sent.length} items`);
    for (const result of body.results) {
      const item = sent[result.index];
      if (result.status === 'REJECTED') this.note(`rejected: ${JSON.stringify(result)}`);
      else if (!item || result.messageId !== item.messageId)
        this.note(`result ${result.index} names ${result.messageId}, sent ${item?.messageId}`);
      else {
        this.acknowledged.add(item.messageId);
        if (result.status === 'ACCEPTED')
          this.acceptedTimes.set(item.messageId, (this.acceptedTimes.get(item.messageId) ?? 0) + 1);
      }
    }
  }

  private note(message: string): void {
    if (this.badAnswers.length < 5) this.badAnswers.push(message);
  }
}

export interface LoadResult {
  readonly requests: number;
  readonly wallMs: number;
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

/**
 * Sends `bodies[from..to)` with autocannon over `connections` keep-alive connections (spread over
 * the servers' URLs), each request with the next body, and records every answer in `ledger`.
 * A body is never sent twice: a timed-out request counts as an error and is not retried.
 */
export async function drive(options: {
  readonly urls: readonly string[];
  readonly writeKey: string;
  readonly workload: Workload;
  readonly from: number;
  readonly to: number;
  readonly connections: number;
  readonly ledger: ResponseLedger;
}): Promise<LoadResult> {
  const { workload, ledger, from, to } = options;
  let next = from;
  let lastAnswerAt = 0;
  const amount = to - from;
  const instance = autocannon({
    // Several URLs are allowed (connections go to them in turn); the types name one.
    url: options.urls.map((u) => `${u}/v1/events`) as unknown as string,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.writeKey}`,
    },
    connections: Math.min(options.connections, amount),
    amount,
    timeout: 120,
    requests: [
      {
        setupRequest: (request, context) => {
          const index = next++;
          // autocannon asks for exactly `amount` bodies; an extra one would be an empty batch.
          (context as { index?: number }).index = index;
          return { ...request, body: index < to ? workload.bodies[index]! : '[]' };
        },
        onResponse: (status, body, context) => {
          lastAnswerAt = performance.now();
          const index = (context as { index: number }).index;
          const sent = index < to ? workload.batches[index]! : [];
          ledger.record(status, body, sent);
        },
      },
    ],
  });
  const t0 = performance.now();
  const result = await instance;
  // Until the last answer: autocannon itself resolves on its next 1-second tick, which made every
  // rate N seconds plus a few ms (4,492, 4,171, 3,893 events/s… and nothing between).
  const wallMs = (lastAnswerAt || performance.now()) - t0;
  return {
    requests: result.requests.total,
    wallMs,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
