import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startCairn, type RunningCairn } from './cairn-server';
import { launchChromium, watchForProblems, type PageProblems } from './chromium';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The app's smallest supported screen. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

export interface BrowserSession {
  /** The server of this test file (fresh SQLite database, demo workspace seeded). */
  readonly cairn: () => RunningCairn;
  /** A fresh context watched for console errors and external requests, with one page at `path`. */
  open(path: string): Promise<Page>;
  /** A full-page screenshot in `test/artifacts/<name>.png`. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * Starts one server and one Chromium for the test file and checks, after every test, that the
 * page logged no error and asked nothing of a host other than 127.0.0.1. Call at the top level.
 */
export function useBrowserSession(): BrowserSession {
  let cairn: RunningCairn | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let problems: PageProblems | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    cairn = await startCairn();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await cairn?.stop();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    const found = problems?.list ?? [];
    problems = undefined;
    expect(found, 'console errors, page errors or external requests').toEqual([]);
  });

  return {
    cairn: () => {
      if (!cairn) throw new Error('The server is not started yet (use it inside a test).');
      return cairn;
    },
    async open(path) {
      if (!browser || !cairn)
        throw new Error('The browser is not started yet (use it inside a test).');
      context = await browser.newContext({ viewport: VIEWPORT });
      problems = await watchForProblems(context);
      const page = await context.newPage();
      await page.goto(`${cairn.baseUrl}${path}`);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
    },
  };
}

/** The text of a locator once it exists, trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}
