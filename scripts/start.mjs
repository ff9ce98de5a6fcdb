#!/usr/bin/env node
// `npm start` / `pnpm start`: from a fresh clone with only Node, install, build the web app when
// it is stale, then serve Cairn on the embedded SQLite database (migrated and seeded on start).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { clientBuildIsStale, pnpmCommand, root, runOrExit, supervise } from './lib.mjs';

const [pnpm, ...pnpmArgs] = pnpmCommand();
runOrExit(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile', '--prefer-offline']);
if (clientBuildIsStale()) {
  console.log('\nBuilding the web app (client/dist)…');
  runOrExit(pnpm, [...pnpmArgs, '--filter', '@cairn/client', 'build']);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
  cwd: join(root, 'server'),
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: process.env.DATA_DIR ?? join(root, 'data'),
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(root, 'data/cairn.sqlite')}`,
  },
});
supervise(server);
