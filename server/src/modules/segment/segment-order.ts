/**
 * The segments to recompute after `changed` changed, in an order where each comes after every
 * segment its rule references: `changed` first, then the segments that reference it, directly or
 * through others. `references` maps each active segment to the ids its rule names (acyclic: the
 * validator refuses cycles).
 */
export function segmentsToRecompute(
  changed: string,
  references: ReadonlyMap<string, readonly string[]>,
): string[] {
  const dependents = new Map<string, string[]>();
  for (const [id, refs] of references)
    for (const ref of refs) dependents.set(ref, [...(dependents.get(ref) ?? []), id]);
  const affected = new Set<string>([changed]);
  const queue = [changed];
  while (queue.length > 0) {
    for (const next of dependents.get(queue.shift()!) ?? []) {
      if (!affected.has(next)) {
        affected.add(next);
        queue.push(next);
      }
    }
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (id: string): void => {
    if (placed.has(id)) return;
    placed.add(id);
    for (const ref of references.get(id) ?? []) if (affected.has(ref)) place(ref);
    ordered.push(id);
  };
  for (const id of affected) place(id);
  return ordered;
}
