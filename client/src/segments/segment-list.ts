/** Pure helpers of the segments list: which rows a search and a status show. */

export type SegmentStatus = 'active' | 'archived' | 'all';

export interface ListedSegment {
  readonly name: string;
  readonly description: string;
  readonly archivedAt?: string | null;
}

/** Folds case and accents, as the server's customer search does. */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The segments a search (name or description, case and accents ignored) and a status select.
 *
 * @example
 * filterSegments(all, 'vip', 'active')
 */
export function filterSegments<T extends ListedSegment>(
  segments: readonly T[],
  search: string,
  status: SegmentStatus,
): T[] {
  const needle = fold(search.trim());
  return segments.filter((s) => {
    const archived = s.archivedAt != null;
    if (status === 'active' && archived) return false;
    if (status === 'archived' && !archived) return false;
    return needle === '' || fold(`${s.name} ${s.description}`).includes(needle);
  });
}
