/**
 * The one catalog of expected error codes. Every error a client can act on carries one of these in
 * `extensions.code` (GraphQL) or `error.code` (HTTP). Anything not listed here is masked to
 * `INTERNAL_SERVER_ERROR` and logged with the request id.
 */
export interface ErrorSpec {
  /** HTTP status used when the error is returned by a plain HTTP route. */
  readonly status: number;
  /** What happened, in one sentence. */
  readonly summary: string;
  /** What the caller should do about it. */
  readonly fix: string;
}

export const errorCatalog = {
  UNAUTHENTICATED: {
    status: 401,
    summary: 'The request carries no valid API key.',
    fix: 'Send the header "Authorization: Bearer <api key>" with a key of your workspace.',
  },
  FORBIDDEN: {
    status: 403,
    summary: 'The API key may not perform this operation.',
    fix: 'Use a key with the required permission.',
  },
  NOT_FOUND: {
    status: 404,
    summary: 'The requested object does not exist in this workspace.',
    fix: 'Check the id; objects of other workspaces are never visible.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    summary: 'No route matches this method and path.',
    fix: 'The API is served at POST /graphql; see /playground for the schema.',
  },
  BAD_USER_INPUT: {
    status: 400,
    summary: 'An argument or input field has a value that is not allowed.',
    fix: 'Correct the field named in extensions.path as the message says.',
  },
  SURVEY_SCORE_OUT_OF_RANGE: {
    status: 400,
    summary:
      "A survey answer has a score outside its survey kind's scale (NPS 0 to 10, CSAT 1 to 5).",
    fix: "Send the whole-number score the person chose on the survey's own scale; do not rescale it.",
  },
  INVALID_CURSOR: {
    status: 400,
    summary: 'A pagination cursor was not produced by this API or is from another list.',
    fix: 'Pass the endCursor of a previous page unchanged, or omit it to start from the beginning.',
  },
  CONFLICT: {
    status: 409,
    summary: 'The change conflicts with existing data.',
    fix: 'Reload the object and apply the change again.',
  },
  MISSING_IDENTITY: {
    status: 400,
    summary: 'An ingested item names no one: it carries no customer id and no identity.',
    fix: 'Send at least one of customerId, externalIds, email, phone or anonymousId with the item.',
  },
  IDENTITY_ERASED: {
    status: 410,
    summary: 'The item names a person whose data was erased (GDPR); it is not stored.',
    fix: 'Remove the person from the source system; erased people cannot be re-created from replays.',
  },
  IDENTITY_CONFLICT: {
    status: 409,
    summary:
      'The identities of one item belong to two known profiles; only anonymous profiles merge automatically.',
    fix: "Check which profile is right and send the item with that profile's identities only.",
  },
  TIMESTAMP_IN_FUTURE: {
    status: 400,
    summary: "The item's timestamp lies too far in the future.",
    fix: "Send the time the event happened, as an ISO 8601 instant with its offset; check the sender's clock.",
  },
  BATCH_TOO_LARGE: {
    status: 413,
    summary: 'The batch holds more items than one request may carry.',
    fix: 'Split it into batches of at most 1,000 items.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    summary: 'The uploaded file is larger than the route accepts.',
    fix: 'Split the file into smaller files and send them one by one.',
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    summary: 'The GraphQL document could not be parsed.',
    fix: 'Fix the syntax error at the reported location.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    summary: 'The GraphQL document does not match the schema.',
    fix: 'Check field and argument names against the schema (see /playground).',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 400,
    summary: 'The persisted query is not known to the server.',
    fix: 'Send the full query text.',
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    summary: 'The operation to run could not be determined.',
    fix: 'Pass operationName when the document holds several operations.',
  },
  JOURNEY_HAS_ERRORS: {
    status: 400,
    summary: 'The journey has problems that stop it from running.',
    fix: 'Fix the problems listed with their node ids (the editor pins them on the canvas), then publish again.',
  },
  JOURNEY_NOT_ACTIVE: {
    status: 409,
    summary: 'The journey is not running, so nobody can enter it now.',
    fix: 'Publish the journey, or resume it if it is paused.',
  },
  CHANNEL_NOT_CONFIGURED: {
    status: 503,
    summary: 'No provider is configured for the message channel.',
    fix: 'Set the channel endpoint (SMTP_URL for email; SMS_URL, WHATSAPP_URL, PUSH_URL, WEBHOOK_URLS) and restart.',
  },
  TEMPLATE_VARIABLE_MISSING: {
    status: 422,
    summary: 'The message uses a profile value the customer does not have.',
    fix: 'Give the placeholder a fallback, {{ traits.x | "…" }}, or only send to customers who have it.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    summary: 'Something unexpected failed on the server.',
    fix: 'Retry; if it persists, report the requestId in extensions to the operators.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCatalog, value);
}

/** A path to the offending field: property names and list indexes, as in GraphQL's `path`. */
export type FieldPath = ReadonlyArray<string | number>;

/** One problem with a piece of input, tied to the field that caused it. */
export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path: FieldPath;
}
