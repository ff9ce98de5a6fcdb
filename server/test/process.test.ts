import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cairn-proc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: serverDir,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('the cairn process', () => {
  it('refuses to start on bad config, naming each variable and what is allowed', async () => {
    const p = start({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await p.exited).toBe(78);
    const { stderr } = p.output();
    expect(stderr).toContain('PORT: must be a whole number from 0 to 65535 (got "eighty")');
    expect(stderr).toContain('DATABASE_URL: must start with sqlite:');
    expect(stderr).toContain('Cairn did not start');
  });

  it('starts, prints its URLs and the demo key, and stops cleanly on SIGTERM', async () => {
    const p = start({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, DATA_DIR: dir });
    await expect
      .poll(() => p.output().stdout, { timeout: 20_000, interval: 100 })
      .toMatch(/GraphQL API: (\S+)/);
    const { stdout } = p.output();
    const api = /GraphQL API: (\S+)/.exec(stdout)![1]!;
    expect(stdout).toMatch(/Demo API key: cairn_\S+/);
    const health = await fetch(api.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output().stdout).toMatch(/"msg":"stopped"/);
  });
});
