export { assertUnreachable } from './assert-unreachable';
export { errorCatalog, isErrorCode } from './errors/catalog';
export type { ErrorCode, ErrorSpec, FieldPath, Problem } from './errors/catalog';
export { SCHEMA_SDL_FILE } from './sdl';
export * from './rules';
export * from './journeys';
export * from './experiments';
export * from './kpi';
