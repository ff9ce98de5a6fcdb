import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: no browser download is possible on these machines. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium with a fresh temporary profile (Playwright creates one per launch). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** Whether a URL leaves the machine (data:, blob: and about: URLs never do). */
export function isExternalUrl(url: string): boolean {
  const parsed = new URL(url);
  return NETWORK_PROTOCOLS.has(parsed.protocol) && !LOCAL_HOSTS.has(parsed.hostname);
}

export interface PageProblems {
  /** Everything that went wrong so far: console errors, uncaught errors, external requests. */
  readonly list: string[];
}

/**
 * Watches a context for what must fail a test: `console.error`, uncaught page errors, and any
 * request to a host other than 127.0.0.1/localhost (which is also blocked). Call before opening
 * pages. `allowConsole` lists console errors a test expects (e.g. a deliberate 401).
 */
export async function watchForProblems(
  context: BrowserContext,
  options: { allowConsole?: readonly RegExp[] } = {},
): Promise<PageProblems> {
  const list: string[] = [];
  const allowed = options.allowConsole ?? [];

  await context.route(
    (url) => isExternalUrl(url.href),
    async (route) => {
      list.push(`external request blocked: ${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  context.on('request', (request) => {
    if (isExternalUrl(request.url())) list.push(`external request: ${request.url()}`);
  });

  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allowed.some((pattern) => pattern.test(text))) return;
      const { url, lineNumber } = message.location();
      list.push(`console.error: ${text}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => list.push(`uncaught error: ${error.stack ?? error.message}`));
    page.on('websocket', (socket) => {
      if (isExternalUrl(socket.url())) list.push(`external websocket: ${socket.url()}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return { list };
}
