#!/usr/bin/env node
// `pnpm dev`: the API with reload on change (port 4000) and the Vite dev server with hot reload
// (port 5173, proxying /graphql to the API), on the same embedded database as `pnpm start`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pnpmCommand, root } from './lib.mjs';

const [pnpm, ...pnpmArgs] = pnpmCommand();
const dataDir = process.env.DATA_DIR ?? join(root, 'data');
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(root, 'data/cairn.sqlite')}`,
};
const children = [];
const stopAll = (signal) => children.forEach((c) => c.kill(signal));
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));

children.push(
  spawn(
    pnpm,
    [...pnpmArgs, 'exec', 'tsx', 'watch', '--clear-screen=false', 'src/main.ts', 'serve'],
    { cwd: join(root, 'server'), stdio: 'inherit', env },
  ),
);

// The web app needs the demo key, which the API writes on its first start.
const keyFile = join(dataDir, 'demo-api-key');
const started = Date.now();
while (!existsSync(keyFile) && Date.now() - started < 60_000)
  await new Promise((r) => setTimeout(r, 250));
const demoKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '';
children.push(
  spawn(pnpm, [...pnpmArgs, '--filter', '@cairn/client', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, VITE_CAIRN_DEMO_API_KEY: demoKey },
  }),
);
for (const child of children) child.on('exit', () => stopAll('SIGTERM'));
