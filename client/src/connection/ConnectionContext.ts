import { createContext } from 'react';
import type { ApiKeySource } from './apiKey';

/** The API key in use, and the ways to change it. Provided by `App`, read with `useConnection`. */
export interface Connection {
  readonly apiKey: string | undefined;
  readonly source: ApiKeySource | undefined;
  /** Why the Connect screen is shown (e.g. the server rejected the key), if it was not by choice. */
  readonly message: string | undefined;
  /** Uses a key the user pasted and saves it for the next visit. */
  connect(apiKey: string): void;
  /**
   * Shows the Connect screen. With a `rejection` (the server's UNAUTHENTICATED message) a saved key
   * equal to the current one is forgotten, so the next visit does not try it again.
   */
  disconnect(rejection?: string): void;
}

export const ConnectionContext = createContext<Connection | null>(null);
