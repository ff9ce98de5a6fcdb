import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, every thread) a process has used since it started, in milliseconds;
 * undefined where /proc cannot tell (another OS, or the process is gone).
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** CPU used by a set of processes between two readings (pids absent at the first count fully). */
export class CpuMeter {
  private readonly start = new Map<number, number>();

  constructor(pids: readonly number[]) {
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) this.start.set(pid, ms);
    }
  }

  /** Milliseconds of CPU since the meter was made, over `pids` (those readable now). */
  usedMs(pids: readonly number[]): number {
    let sum = 0;
    for (const pid of pids) {
      const now = processCpuMs(pid);
      if (now !== undefined) sum += now - (this.start.get(pid) ?? 0);
    }
    return sum;
  }
}
