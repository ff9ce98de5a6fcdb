import { GraphQLError } from 'graphql';
import { errorCatalog, type ErrorCode, type FieldPath } from '@cairn/schema';

/**
 * An expected error: it carries a catalog code and a message that says the fix, and reaches the
 * client unmasked. Build one with the static factories so messages stay consistent.
 */
export class CairnError extends GraphQLError {
  readonly code: ErrorCode;
  readonly fieldPath: FieldPath | undefined;

  constructor(code: ErrorCode, message: string, fieldPath?: FieldPath) {
    super(message, {
      extensions: fieldPath === undefined ? { code } : { code, field: fieldPath },
    });
    this.name = 'CairnError';
    this.code = code;
    this.fieldPath = fieldPath;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }

  /** Raised while building the request context, so Apollo answers with HTTP 401. */
  static unauthenticated(reason: string): CairnError {
    const error = new CairnError(
      'UNAUTHENTICATED',
      `${reason} ${errorCatalog.UNAUTHENTICATED.fix}`,
    );
    error.extensions['http'] = { status: 401 };
    return error;
  }

  /** Raised while building the request context, so Apollo answers with HTTP 403. */
  static forbidden(reason: string): CairnError {
    const error = new CairnError('FORBIDDEN', reason);
    error.extensions['http'] = { status: 403 };
    return error;
  }

  static badInput(fieldPath: FieldPath, message: string): CairnError {
    return new CairnError('BAD_USER_INPUT', `${fieldPath.join('.')}: ${message}`, fieldPath);
  }

  static invalidCursor(fieldPath: FieldPath): CairnError {
    return new CairnError(
      'INVALID_CURSOR',
      `${fieldPath.join('.')}: ${errorCatalog.INVALID_CURSOR.summary} ${errorCatalog.INVALID_CURSOR.fix}`,
      fieldPath,
    );
  }

  static notFound(kind: string, id: string): CairnError {
    return new CairnError('NOT_FOUND', `No ${kind} with id "${id}" in this workspace.`);
  }

  static routeNotFound(method: string, path: string): CairnError {
    return new CairnError(
      'ROUTE_NOT_FOUND',
      `No route for ${method} ${path}. ${errorCatalog.ROUTE_NOT_FOUND.fix}`,
    );
  }
}
