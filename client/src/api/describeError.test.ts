import { describe, expect, it } from 'vitest';
import { describeError, errorCode, NETWORK_ERROR_CODE } from './describeError';

describe('describeError', () => {
  it('reads the code, message and request id of the first GraphQL error', () => {
    const description = describeError({
      message: '[GraphQL] Internal server error.',
      graphQLErrors: [
        {
          message: 'Internal server error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
        },
        { message: 'second', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
    expect(description).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error.',
      requestId: 'req-42',
    });
    expect(description.hint).toMatch(/requestId/);
  });

  it('gives no hint for codes outside the catalog', () => {
    const description = describeError({
      message: '',
      graphQLErrors: [{ message: 'odd', extensions: { code: 'SOMETHING_NEW' } }],
    });
    expect(description).toEqual({
      code: 'SOMETHING_NEW',
      message: 'odd',
      hint: undefined,
      requestId: undefined,
    });
  });

  it('describes a network failure with what to check', () => {
    const description = describeError({
      message: '[Network] Failed to fetch',
      networkError: new Error('Failed to fetch'),
      graphQLErrors: [],
    });
    expect(description.code).toBe(NETWORK_ERROR_CODE);
    expect(description.message).toBe('Failed to fetch');
    expect(description.hint).toMatch(/server is running/);
  });
});

describe('errorCode', () => {
  it('finds the first code', () => {
    expect(
      errorCode({
        message: '',
        graphQLErrors: [
          { message: 'a' },
          { message: 'b', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      }),
    ).toBe('UNAUTHENTICATED');
    expect(errorCode({ message: '', graphQLErrors: [] })).toBeUndefined();
  });
});
