// Globals the app reads at startup. This file is a script (no imports), so these merge globally.

interface ImportMetaEnv {
  /** A key to use in development (`client/.env.local`), when the server does not inject one. */
  readonly VITE_CAIRN_DEMO_API_KEY?: string;
}

interface Window {
  /** Injected into index.html by the server outside production (see server/src/http/client-app.ts). */
  __CAIRN__?: { readonly demoApiKey?: string };
}
