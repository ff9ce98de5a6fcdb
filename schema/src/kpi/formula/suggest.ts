/** Lower case without separators: `Bounced_Hard`, `bounced-hard` and `bounced.hard` meet. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to a mistyped name, or undefined when none is close: at most one edit
 * per three characters (at least one), after folding case and separators.
 *
 * @example
 * didYouMean('deliverd', ['delivered', 'opened']) // 'delivered'
 * didYouMean('bounced_hard', ['bounced.hard']) // 'bounced.hard'
 */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const folded = fold(name);
  const limit = Math.max(1, Math.floor(folded.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
