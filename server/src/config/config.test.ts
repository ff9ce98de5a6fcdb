import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toMatchObject({ dialect: 'sqlite', url: 'sqlite:./data/cairn.sqlite' });
    expect(config.database.dialect === 'sqlite' && config.database.path).toMatch(
      /\/data\/cairn\.sqlite$/,
    );
    expect(config.seedDemo).toBe(true);
    expect(config.clientDist).toMatch(/\/client\/dist$/);
  });

  it('reads PostgreSQL URLs and treats empty strings as unset', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://cairn@127.0.0.1:5432/cairn', PORT: '' });
    expect(config.database).toEqual({
      dialect: 'postgres',
      url: 'postgres://cairn@127.0.0.1:5432/cairn',
    });
    expect(config.port).toBe(4000);
  });

  it('does not seed demo data in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: must be a whole number from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT: must be a whole number from 0 to 65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL: must start with sqlite: (e.g. sqlite:./data/cairn.sqlite) or postgres://',
    ],
    [
      { DATABASE_URL: 'postgres://127.0.0.1:5432' },
      'DATABASE_URL: must be a URL like postgres://user@127.0.0.1:5432/cairn (with a database name)',
    ],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL: sqlite: needs a file path'],
    [
      { NODE_ENV: 'staging' },
      'NODE_ENV: must be one of: development, production, test (got "staging")',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL: must be one of: fatal, error, warn, info, debug, trace, silent',
    ],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO: must be one of: true, false, 1, 0 (got "yes")'],
  ])('names the variable and what is allowed: %o', (env, expected) => {
    expect(problemsOf(env).join('\n')).toContain(expected);
  });

  it('reports every bad variable at once', () => {
    expect(
      problemsOf({ PORT: '-1', LOG_LEVEL: 'x', NODE_ENV: 'y' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['LOG_LEVEL', 'NODE_ENV', 'PORT']);
  });
});
