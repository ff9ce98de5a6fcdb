import { durationMs } from '../../rules/time';
import type { JourneySettings, MessageChannel } from '../journey.types';
import { inLocalWindow, nextLocalTime } from '../local-time';

/** Channels that reach a person directly and so need their consent (webhooks go to systems). */
export const CONSENT_CHANNELS: ReadonlySet<MessageChannel> = new Set([
  'email',
  'sms',
  'whatsapp',
  'push',
]);

export type SendDecision =
  | { readonly type: 'send' }
  | { readonly type: 'defer'; readonly until: number; readonly reason: 'quietHours' }
  | { readonly type: 'skip'; readonly reason: 'noConsent' | 'frequencyCap' };

export interface SendCheck {
  readonly channel: MessageChannel;
  /** The customer's latest consent per channel (true when granted). */
  readonly consent: Readonly<Record<string, boolean>> | undefined;
  /** When this journey sent this customer messages before (any channel). */
  readonly sentAt: readonly number[];
  readonly settings: Pick<JourneySettings, 'frequencyCap' | 'quietHours'>;
  readonly now: number;
  readonly timeZone: string;
}

/**
 * Whether a message goes out now, checked at send time (not when it was scheduled): consent for
 * the channel (opt-in: it must have been granted and not revoked since), the journey's frequency
 * cap over the sends before it, then quiet hours in the customer's time zone, which defer the
 * message to their end rather than drop it.
 *
 * @example
 * decideSend({ channel: 'email', consent: { email: true }, sentAt: [], settings, now, timeZone: 'Europe/Berlin' })
 */
export function decideSend(check: SendCheck): SendDecision {
  if (CONSENT_CHANNELS.has(check.channel) && check.consent?.[check.channel] !== true)
    return { type: 'skip', reason: 'noConsent' };
  const cap = check.settings.frequencyCap;
  if (cap) {
    const since = check.now - durationMs(cap.per);
    const recent = check.sentAt.filter((t) => t > since && t <= check.now).length;
    if (recent >= cap.max) return { type: 'skip', reason: 'frequencyCap' };
  }
  const quiet = check.settings.quietHours;
  if (quiet && inLocalWindow(check.now, quiet.start, quiet.end, check.timeZone))
    return {
      type: 'defer',
      until: nextLocalTime(check.now, quiet.end, undefined, check.timeZone),
      reason: 'quietHours',
    };
  return { type: 'send' };
}
