import type { ErrorRequestHandler, RequestHandler } from 'express';
import { errorCatalog } from '@cairn/schema';
import { CairnError } from '../errors/cairn-error';

/** Unknown routes: 404 with the ROUTE_NOT_FOUND code, in the same error shape as GraphQL. */
export const routeNotFound: RequestHandler = (req, res) => {
  const error = CairnError.routeNotFound(req.method, req.path);
  res
    .status(error.status)
    .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
};

/**
 * Last-resort handler: a body that is not JSON gets a 400 that says so; anything else is logged
 * with its stack and masked, with the request id to report.
 */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const requestId = String(req.id);
  const status = (err as { status?: unknown }).status;
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.parse.failed' || type === 'entity.too.large') {
    const message =
      type === 'entity.too.large'
        ? 'The request body is larger than this route accepts (1 MB for /graphql, 40 MB for /v1/events); send smaller batches.'
        : 'The request body is not valid JSON; send {"query": "...", "variables": {...}}.';
    res.status(typeof status === 'number' ? status : 400).json({
      errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }],
    });
    return;
  }
  req.log.error({ err }, 'unhandled error in HTTP route');
  res.status(500).json({
    errors: [
      {
        message: `${errorCatalog.INTERNAL_SERVER_ERROR.summary} Report request id ${requestId} to the operators.`,
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ],
  });
};
