/** Where an API key came from, in the order they are tried. */
export type ApiKeySource = 'server' | 'env' | 'storage';

/** The raw values an API key can be read from; each may be missing or malformed. */
export interface ApiKeyCandidates {
  /** `window.__CAIRN__`, injected by the server outside production. */
  readonly bootstrap?: unknown;
  /** `import.meta.env.VITE_CAIRN_DEMO_API_KEY`. */
  readonly env?: unknown;
  /** `localStorage[API_KEY_STORAGE_KEY]`, saved by the Connect screen. */
  readonly stored?: unknown;
  /** The last key the server answered UNAUTHENTICATED to: never picked again. */
  readonly rejected?: unknown;
}

export interface ResolvedApiKey {
  readonly apiKey: string;
  readonly source: ApiKeySource;
}

/** The localStorage entry the Connect screen writes. */
export const API_KEY_STORAGE_KEY = 'cairn.apiKey';

/** The localStorage entry remembering the last rejected key (e.g. a stale injected demo key). */
export const REJECTED_API_KEY_STORAGE_KEY = 'cairn.rejectedApiKey';

/**
 * Cleans up a key as a user might paste it: surrounding whitespace, quotes, or a whole
 * `Bearer ...` / `Authorization: Bearer ...` header. Returns undefined when nothing usable is left.
 *
 * @example
 * normalizeApiKey('  Bearer cairn_abc ') // 'cairn_abc'
 * normalizeApiKey('') // undefined
 */
export function normalizeApiKey(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const key = raw
    .trim()
    .replace(/^authorization\s*:\s*/i, '')
    .replace(/^bearer(?:\s+|$)/i, '')
    .replace(/^["']|["']$/g, '')
    .trim();
  return key === '' || /\s/.test(key) ? undefined : key;
}

/**
 * Picks the API key to use: the one the server injected, else the build-time one, else the one
 * saved by the Connect screen, skipping a key the server has already rejected. Returns undefined
 * when none is usable (show the Connect screen).
 *
 * @example
 * resolveApiKey({ bootstrap: { demoApiKey: 'cairn_a' }, stored: 'cairn_b' })
 * // { apiKey: 'cairn_a', source: 'server' }
 */
export function resolveApiKey(candidates: ApiKeyCandidates): ResolvedApiKey | undefined {
  const ordered: ReadonlyArray<readonly [ApiKeySource, unknown]> = [
    ['server', bootstrapKey(candidates.bootstrap)],
    ['env', candidates.env],
    ['storage', candidates.stored],
  ];
  const rejected = normalizeApiKey(candidates.rejected);
  for (const [source, raw] of ordered) {
    const apiKey = normalizeApiKey(raw);
    if (apiKey !== undefined && apiKey !== rejected) return { apiKey, source };
  }
  return undefined;
}

function bootstrapKey(bootstrap: unknown): unknown {
  if (typeof bootstrap !== 'object' || bootstrap === null) return undefined;
  return (bootstrap as { demoApiKey?: unknown }).demoApiKey;
}
