import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

export interface ClientBootstrap {
  /** The demo workspace's key, handed to the web app outside production so it works out of the box. */
  readonly demoApiKey?: string;
}

/**
 * Serves the built web app: its assets, and `index.html` for any other GET that asks for HTML
 * (client-side routes such as /customers or /playground). Requests for anything else fall through
 * to the 404 handler.
 */
export function clientApp(dist: string, bootstrap: ClientBootstrap): Router | undefined {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) return undefined;
  const bootstrapJson = JSON.stringify(bootstrap).replace(/</g, '\\u003c');
  const html = readFileSync(indexPath, 'utf8').replace(
    '</head>',
    `<script>window.__CAIRN__=${bootstrapJson}</script></head>`,
  );
  const router = express.Router();
  router.use(express.static(dist, { index: false, maxAge: '1h', immutable: false }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html') || req.path.startsWith('/graphql') || req.path.startsWith('/v1/'))
      return next();
    res.type('html').set('cache-control', 'no-cache').send(html);
  });
  return router;
}
