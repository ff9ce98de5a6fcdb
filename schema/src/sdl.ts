/**
 * The GraphQL contract lives beside this package as `schema.graphql`. The server writes it and a
 * test fails when the committed file differs from what the server's code produces; the client's
 * code generator reads it.
 */
export const SCHEMA_SDL_FILE = 'schema.graphql';
