import {
  CHANNELS,
  CONTENT_EVENTS,
  isTimeZone,
  readContentChannel,
  readSurveyAnswer,
  SURVEY_ANSWERED,
  parseIsoInstant,
  type Channel,
  type FieldPath,
  type Problem,
} from '@cairn/schema';
import { newId } from '../../db/ids';
import { readIdentities, type ReadIdentities } from '../identity/identity-key';
import { readOrder, ORDER_COMPLETED, type OrderData } from './order-event';
import { isJsonObject, validatePayload } from './payload';

/** How far ahead of the server's clock a timestamp may be (clock skew); later ones are refused. */
export const MAX_FUTURE_SKEW_MS = 60 * 60 * 1000;
const MAX_NAME_LENGTH = 200;

export interface TrackItem {
  readonly type: 'track';
  readonly index: number;
  readonly identities: ReadIdentities;
  /** The sender's id (replays are acknowledged as duplicates) or one made up here. */
  readonly messageId: string;
  readonly name: string;
  readonly properties: Record<string, unknown>;
  readonly occurredAt: Date;
  /** Set for `Order Completed` events: the order they record. */
  readonly order: OrderData | undefined;
}

export interface ConsentChange {
  readonly channel: Channel;
  readonly granted: boolean;
  readonly source: string | null;
  readonly recordedAt: Date;
}

export interface IdentifyItem {
  readonly type: 'identify';
  readonly index: number;
  readonly identities: ReadIdentities;
  /** Trait updates: keys merge into the profile's; null removes a trait. */
  readonly traits: Record<string, unknown>;
  /** undefined: keep; null: clear. */
  readonly timeZone: string | null | undefined;
  readonly consent: readonly ConsentChange[];
  readonly occurredAt: Date;
}

export type IngestItem = TrackItem | IdentifyItem;

export type ReadItem =
  | { readonly ok: true; readonly item: IngestItem }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * Reads one item of a batch, whatever it came through (GraphQL input or the JSON of
 * `POST /v1/events`): `type` is "track" (the default) or "identify". Every problem is reported
 * with the path of its field under `[index]`; `now` is the receiving time.
 */
export function readItem(
  raw: unknown,
  index: number,
  now: Date,
  defaultType: IngestItem['type'] = 'track',
): ReadItem {
  const path: FieldPath = [index];
  if (!isJsonObject(raw))
    return fail({ code: 'BAD_USER_INPUT', path, message: 'Each item must be a JSON object.' });
  const type = raw['type'] ?? defaultType;
  if (type === 'track') return readTrack(raw, index, now);
  if (type === 'identify') return readIdentify(raw, index, now);
  return fail({
    code: 'BAD_USER_INPUT',
    path: [index, 'type'],
    message: `type must be "track" or "identify" (got ${JSON.stringify(type)}).`,
  });
}

function readTrack(raw: Record<string, unknown>, index: number, now: Date): ReadItem {
  const problems: Problem[] = [];
  const identities = readIdentities(raw, [index]);
  problems.push(...identities.problems);
  const name = readName(raw['event'], [index, 'event'], problems);
  const messageId = readMessageId(raw['messageId'], [index, 'messageId'], problems);
  const properties = raw['properties'] ?? {};
  problems.push(...validatePayload(properties, [index, 'properties'], 'Properties'));
  const occurredAt = readTimestamp(raw['timestamp'], [index, 'timestamp'], now, problems);
  const order =
    name === ORDER_COMPLETED && isJsonObject(properties)
      ? readOrder(properties, [index, 'properties'], problems)
      : undefined;
  if (name === SURVEY_ANSWERED && isJsonObject(properties))
    problems.push(...readSurveyAnswer(properties, [index, 'properties']));
  if (name !== undefined && (CONTENT_EVENTS as readonly string[]).includes(name))
    problems.push(
      ...readContentChannel(isJsonObject(properties) ? properties : {}, [index, 'properties']),
    );
  if (problems.length > 0 || name === undefined || occurredAt === undefined)
    return { ok: false, problems };
  return {
    ok: true,
    item: {
      type: 'track',
      index,
      identities,
      messageId: messageId ?? newId(),
      name,
      properties: properties as Record<string, unknown>,
      occurredAt,
      order,
    },
  };
}

function readIdentify(raw: Record<string, unknown>, index: number, now: Date): ReadItem {
  const problems: Problem[] = [];
  const identities = readIdentities(raw, [index]);
  problems.push(...identities.problems);
  const traits = raw['traits'] ?? {};
  problems.push(...validatePayload(traits, [index, 'traits'], 'Traits'));
  const timeZone = readTimeZone(raw['timeZone'], [index, 'timeZone'], problems);
  const occurredAt = readTimestamp(raw['timestamp'], [index, 'timestamp'], now, problems);
  const consent = readConsent(raw['consent'], [index, 'consent'], occurredAt ?? now, now, problems);
  if (problems.length > 0 || occurredAt === undefined) return { ok: false, problems };
  return {
    ok: true,
    item: {
      type: 'identify',
      index,
      identities,
      traits: traits as Record<string, unknown>,
      timeZone,
      consent,
      occurredAt,
    },
  };
}

function readName(value: unknown, path: FieldPath, problems: Problem[]): string | undefined {
  if (typeof value === 'string' && value.trim() !== '' && value.trim().length <= MAX_NAME_LENGTH)
    return value.trim();
  problems.push({
    code: 'BAD_USER_INPUT',
    path,
    message: `event is the event's name: a non-empty string of at most ${MAX_NAME_LENGTH} characters.`,
  });
  return undefined;
}

function readMessageId(value: unknown, path: FieldPath, problems: Problem[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) return value.trim();
  problems.push({
    code: 'BAD_USER_INPUT',
    path,
    message: 'messageId must be a non-empty string of at most 200 characters.',
  });
  return undefined;
}

/** An ISO 8601 instant with an offset; absent means now. Later than now plus the skew is refused. */
export function readTimestamp(
  value: unknown,
  path: FieldPath,
  now: Date,
  problems: Problem[],
): Date | undefined {
  if (value === undefined || value === null) return now;
  const ms = typeof value === 'string' ? parseIsoInstant(value) : undefined;
  if (ms === undefined) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path,
      message: `timestamp must be an ISO 8601 instant with an offset, e.g. 2026-11-23T08:30:00Z (got ${JSON.stringify(value)}).`,
    });
    return undefined;
  }
  if (ms > now.getTime() + MAX_FUTURE_SKEW_MS) {
    problems.push({
      code: 'TIMESTAMP_IN_FUTURE',
      path,
      message: `timestamp ${String(value)} is more than ${MAX_FUTURE_SKEW_MS / 60_000} minutes after the server's time (${now.toISOString()}).`,
    });
    return undefined;
  }
  return new Date(ms);
}

function readTimeZone(
  value: unknown,
  path: FieldPath,
  problems: Problem[],
): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string' && value.length <= 64 && isTimeZone(value)) return value;
  problems.push({
    code: 'BAD_USER_INPUT',
    path,
    message: `timeZone must be an IANA time zone such as "Europe/Paris" (got ${JSON.stringify(value)}).`,
  });
  return undefined;
}

function readConsent(
  value: unknown,
  path: FieldPath,
  defaultTime: Date,
  now: Date,
  problems: Problem[],
): ConsentChange[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({
      code: 'BAD_USER_INPUT',
      path,
      message: 'consent must be a list of {channel, granted, source?, timestamp?}.',
    });
    return [];
  }
  return value.flatMap((entry: unknown, i): ConsentChange[] => {
    const at = [...path, i];
    if (!isJsonObject(entry)) {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: at,
        message: 'Each consent change is {channel, granted, source?, timestamp?}.',
      });
      return [];
    }
    const before = problems.length;
    const channel = entry['channel'];
    if (!CHANNELS.includes(channel as Channel)) {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'channel'],
        message: `channel must be one of ${CHANNELS.join(', ')}.`,
      });
    }
    if (typeof entry['granted'] !== 'boolean') {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'granted'],
        message: 'granted must be true (opt-in) or false (opt-out).',
      });
    }
    const source = entry['source'] ?? null;
    if (source !== null && (typeof source !== 'string' || source.length > 200)) {
      problems.push({
        code: 'BAD_USER_INPUT',
        path: [...at, 'source'],
        message: 'source must be a string of at most 200 characters (e.g. "signup form").',
      });
    }
    const recordedAt =
      entry['timestamp'] === undefined
        ? defaultTime
        : readTimestamp(entry['timestamp'], [...at, 'timestamp'], now, problems);
    if (problems.length > before || recordedAt === undefined) return [];
    return [
      {
        channel: channel as Channel,
        granted: entry['granted'] as boolean,
        source: source as string | null,
        recordedAt,
      },
    ];
  });
}

function fail(problem: Problem): ReadItem {
  return { ok: false, problems: [problem] };
}
