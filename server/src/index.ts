import 'reflect-metadata';
export { createApp, type CairnApp } from './http/create-app';
export { loadConfig, ConfigError, type Config, type DatabaseTarget } from './config/config';
export {
  createScratchPostgres,
  isPostgresReachable,
  DEFAULT_TEST_PG_URL,
} from './db/scratch-postgres';
