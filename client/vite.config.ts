import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server `pnpm dev` proxies to (server/ listens on 4000 by default). */
const API_ORIGIN = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The playground chunk carries Monaco (several MB); it is lazy-loaded, so the warning is noise.
    chunkSizeWarningLimit: 5_000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React Compiler output starts modules with "use no memo"; dropping it is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco's workers (graphiql/setup-workers/vite) are code-split, which needs ES module workers.
  worker: { format: 'es' },
  optimizeDeps: {
    // The pre-bundler cannot follow their `?worker` imports; Vite's own pipeline handles them.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
    // ...but then the GraphQL worker's CommonJS dependencies are served raw and fail to import in
    // `pnpm dev` (e.g. nullthrows has no default export): pre-bundle them explicitly, with graphql
    // itself so that the worker's raw modules and the bundles share one copy of it.
    include: [
      'graphql',
      'graphiql > @graphiql/react > monaco-graphql > graphql-language-service',
      'graphiql > @graphiql/react > monaco-graphql > picomatch-browser',
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': API_ORIGIN,
      '/healthz': API_ORIGIN,
      '/readyz': API_ORIGIN,
    },
  },
});
