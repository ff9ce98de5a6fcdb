// Helpers shared by the root scripts (start, dev, test). Plain Node: they run before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';

/** pnpm when it is on PATH, else pnpm 10 through npx (a fresh machine with only Node). */
export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/** Runs a command to completion with inherited output; exits the script when it fails. */
export function runOrExit(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(
      `\n✖ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

/** Runs a command and resolves with its exit code (stdout/stderr inherited). */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Newest modification time under the given files and folders (node_modules and dist skipped). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

/** True when client/dist is missing or older than any of its sources. */
export function clientBuildIsStale() {
  const built = join(root, 'client/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = [
    'client/src',
    'client/index.html',
    'client/vite.config.ts',
    'client/package.json',
    'client/public',
    'schema/src',
    'schema/schema.graphql',
  ];
  return newestMtime(sources) > statSync(built).mtimeMs;
}

/** Forwards SIGINT/SIGTERM to a child process and exits with its code. */
export function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
