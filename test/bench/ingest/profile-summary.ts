import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that the summary reads. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  /** Microseconds on the monotonic clock (the one `process.hrtime` reads, in every process). */
  readonly startTime: number;
}

/** A span of the monotonic clock, in microseconds (`process.hrtime.bigint() / 1000n`). */
export interface ClockWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Now on the clock V8's profiler stamps samples with. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Where a frame's code lives: a package, a server source file, Node itself, or V8's own entries. */
function place(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(server|schema)\/src\/(.+)$/.exec(url);
  if (src) return `${src[1]}/src/${src[2]}`;
  if (url.startsWith('node:')) return 'node: (built-in modules)';
  return url;
}

/**
 * Prints where the servers' CPU time went during `window` (the measured run: start-up and warm-up
 * left out), from the profiles in `dir`: self time per place (package or source file) and per
 * function, and, per server source file, the time of the samples it is on the stack of (the
 * synchronous work it does or causes). Idle time is left out of the shares.
 */
export function summarizeProfiles(dir: string, window: ClockWindow, top = 15): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const self = new Map<string, number>();
  const fns = new Map<string, number>();
  const onStack = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      at += us;
      if (at < window.fromUs || at > window.toUs) return;
      const node = byId.get(id)!;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') {
        idle += us;
        return;
      }
      busy += us;
      const where = place(url, functionName);
      self.set(where, (self.get(where) ?? 0) + us);
      const fn = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
      fns.set(fn, (fns.get(fn) ?? 0) + us);
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        const frame = byId.get(node)!.callFrame;
        const p = place(frame.url, frame.functionName);
        if (p.startsWith('server/src/') && !seen.has(p)) {
          seen.add(p);
          onStack.set(p, (onStack.get(p) ?? 0) + us);
        }
      }
    });
  }
  if (busy === 0) {
    console.log(`  (no CPU profile samples in ${dir})`);
    return;
  }
  const show = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(
        `    ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`,
      );
  };
  console.log(
    `  CPU profile of the server process(es) during the measured run (${files.length} file(s) in ${dir}): busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`,
  );
  show('self time by place:', self);
  show('self time by function:', fns);
  show('server source files on the stack (inclusive, synchronous):', onStack);
}
