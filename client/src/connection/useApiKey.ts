import { useCallback, useMemo, useState } from 'react';
import {
  API_KEY_STORAGE_KEY,
  REJECTED_API_KEY_STORAGE_KEY,
  resolveApiKey,
  type ResolvedApiKey,
} from './apiKey';
import type { Connection } from './ConnectionContext';

interface State {
  readonly resolved: ResolvedApiKey | undefined;
  readonly message: string | undefined;
}

/** Owns the API key: resolved once at startup, then changed by the Connect screen or a rejection. */
export function useApiKey(): Connection {
  const [state, setState] = useState<State>(() => ({
    resolved: resolveApiKey({
      bootstrap: window.__CAIRN__,
      env: import.meta.env.VITE_CAIRN_DEMO_API_KEY,
      stored: storage.read(API_KEY_STORAGE_KEY),
      rejected: storage.read(REJECTED_API_KEY_STORAGE_KEY),
    }),
    message: undefined,
  }));

  const connect = useCallback((apiKey: string) => {
    storage.write(API_KEY_STORAGE_KEY, apiKey);
    if (storage.read(REJECTED_API_KEY_STORAGE_KEY) === apiKey) {
      storage.remove(REJECTED_API_KEY_STORAGE_KEY);
    }
    setState({ resolved: { apiKey, source: 'storage' }, message: undefined });
  }, []);

  const apiKey = state.resolved?.apiKey;
  const disconnect = useCallback(
    (rejection?: string) => {
      if (rejection !== undefined && apiKey !== undefined) {
        // Not tried again on the next visit, even when the server keeps injecting it.
        storage.write(REJECTED_API_KEY_STORAGE_KEY, apiKey);
        if (storage.read(API_KEY_STORAGE_KEY) === apiKey) storage.remove(API_KEY_STORAGE_KEY);
      }
      setState({ resolved: undefined, message: rejection });
    },
    [apiKey],
  );

  return useMemo(
    () => ({ apiKey, source: state.resolved?.source, message: state.message, connect, disconnect }),
    [apiKey, state, connect, disconnect],
  );
}

/** localStorage can throw (disabled storage, private modes): the key then lives for the session. */
const storage = {
  read(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Not persisted; still used for this session.
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to forget.
    }
  },
};
