/**
 * Folds text for search: Unicode lower case, accents stripped, white space collapsed. The same
 * function folds what is stored and what is searched, so "zoe", "ZOË" and "Zoë" all meet, on
 * SQLite (whose LIKE folds ASCII only) exactly as on PostgreSQL.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a customer is found by: email and the `name` trait. */
export function customerSearchText(email: string | null, traits: Record<string, unknown>): string {
  const name = traits['name'];
  return foldForSearch([email ?? '', typeof name === 'string' ? name : ''].join(' '));
}
