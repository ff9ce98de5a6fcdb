import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isErrorCode } from '@cairn/schema';
import { CairnError } from './cairn-error';
import type { RequestContext } from '../graphql/context';

const MASKED_MESSAGE = 'Internal server error.';

const maskedMessage = (requestId: string) =>
  `${MASKED_MESSAGE} Report request id ${requestId} to the operators.`;

/** The error a client sees for an unexpected failure outside resolvers (already logged by the caller). */
export function maskedError(requestId: string): GraphQLError {
  return new GraphQLError(maskedMessage(requestId), {
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } },
  });
}

/**
 * Expected errors reach the client as they are: our catalog's (`CairnError`), and request-level
 * errors raised by Apollo or graphql-js before any resolver ran (parse, validation, variable
 * coercion: they have no `path`). Everything else is unexpected.
 */
export function isExpectedError(error: unknown): boolean {
  if (unwrapResolverError(error) instanceof CairnError) return true;
  const gqlError = error as Partial<GraphQLError>;
  const code = gqlError.extensions?.['code'];
  return gqlError.path === undefined && isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR';
}

/** Apollo's `formatError`: masks every unexpected error (keeping a request id already stamped on it). */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (isExpectedError(error)) return formatted;
  const requestId = formatted.extensions?.['requestId'];
  const stamped = typeof requestId === 'string';
  return {
    message: stamped ? maskedMessage(requestId) : MASKED_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: stamped
      ? { code: 'INTERNAL_SERVER_ERROR', requestId }
      : { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Logs every unexpected error with its stack and the request's logger (which carries the request
 * id), and stamps the request id on the masked errors so a user can report it.
 */
export const errorReportingPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (!isExpectedError(error)) {
            contextValue.log.error(
              { err: unwrapResolverError(error), path: error.path },
              'unexpected error while executing GraphQL',
            );
          }
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors) return;
        response.body.singleResult.errors = errors.map((e) =>
          e.extensions?.['code'] === 'INTERNAL_SERVER_ERROR'
            ? {
                ...e,
                message: maskedMessage(contextValue.requestId),
                extensions: { ...e.extensions, requestId: contextValue.requestId },
              }
            : e,
        );
      },
    };
  },
};
