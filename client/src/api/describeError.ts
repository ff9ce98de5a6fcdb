import { errorCatalog, isErrorCode } from '@cairn/schema';

/** The parts of urql's `CombinedError` this module reads (kept structural so it is easy to test). */
export interface ErrorLike {
  readonly message: string;
  readonly networkError?: Error | undefined;
  readonly graphQLErrors: ReadonlyArray<{
    readonly message: string;
    readonly extensions?: Readonly<Record<string, unknown>> | undefined;
  }>;
}

/** What an error view shows: the code and message, what to do next, and a request id to report. */
export interface ErrorDescription {
  readonly code: string;
  readonly message: string;
  /** What the user can do about it, from the error catalog when the code is known. */
  readonly hint: string | undefined;
  readonly requestId: string | undefined;
}

/** Used when the request never got a GraphQL answer (server down, proxy error, offline). */
export const NETWORK_ERROR_CODE = 'NETWORK_ERROR';

/**
 * Turns an urql error into something a person can act on. GraphQL errors win over the network
 * error, because a 4xx response with a GraphQL body carries the precise code and message.
 *
 * @example
 * describeError({ message: '', graphQLErrors: [{ message: 'No key', extensions: { code: 'UNAUTHENTICATED' } }] })
 * // { code: 'UNAUTHENTICATED', message: 'No key', hint: 'Send the header ...', requestId: undefined }
 */
export function describeError(error: ErrorLike): ErrorDescription {
  const first = error.graphQLErrors[0];
  if (first) {
    const code = stringOr(first.extensions?.['code'], 'INTERNAL_SERVER_ERROR');
    return {
      code,
      message: first.message,
      hint: isErrorCode(code) ? errorCatalog[code].fix : undefined,
      requestId: stringOr(first.extensions?.['requestId'], undefined),
    };
  }
  return {
    code: NETWORK_ERROR_CODE,
    message: error.networkError?.message || error.message || 'The request failed.',
    hint: 'Check that the Cairn server is running and reachable at /graphql, then retry.',
    requestId: undefined,
  };
}

/** The `extensions.code` of the first GraphQL error that has one. */
export function errorCode(error: ErrorLike): string | undefined {
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.['code'];
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function stringOr<T extends string | undefined>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
