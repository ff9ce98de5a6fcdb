/** An event of a hand-written timeline, as the simulation takes it. */
export interface TimelineEvent {
  readonly name: string;
  readonly occurredAt: string;
  readonly properties?: Record<string, unknown>;
}

export type TimelineRead =
  | { readonly ok: true; readonly events: readonly TimelineEvent[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const LINE = /^\+(\d+)([mhd])\s+([^{]+?)\s*(\{.*\})?$/;

/**
 * Reads a timeline written one event a line: `+<amount><m|h|d> <event name> [JSON properties]`,
 * each offset from `start`. Blank lines and lines starting with `#` are skipped.
 *
 * @example
 * readTimeline('+0m Cart Abandoned\n+2h Order Completed {"amount": 30}', t0)
 */
export function readTimeline(text: string, start: number): TimelineRead {
  const events: TimelineEvent[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m)
      return {
        ok: false,
        line: i + 1,
        message: `Line ${i + 1}: write “+<amount><m|h|d> <event name>”, e.g. “+10m Order Completed”.`,
      };
    const at = start + Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    let properties: Record<string, unknown> | undefined;
    if (m[4]) {
      try {
        properties = JSON.parse(m[4]) as Record<string, unknown>;
      } catch {
        return {
          ok: false,
          line: i + 1,
          message: `Line ${i + 1}: the properties are not valid JSON.`,
        };
      }
    }
    events.push({
      name: m[3]!,
      occurredAt: new Date(at).toISOString(),
      ...(properties ? { properties } : {}),
    });
  }
  return { ok: true, events };
}
