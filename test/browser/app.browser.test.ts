import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCairn, type RunningCairn } from './cairn-server';
import { launchChromium, watchForProblems, type PageProblems } from './chromium';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const PAGE_SIZE = 20;
const DEMO_CUSTOMERS = 60;

interface CustomerPage {
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { email: string | null; traits: Record<string, unknown> } }>;
  };
}

const CUSTOMER_PAGE = /* GraphQL */ `
  query TestCustomerPage($first: Int!, $after: String, $search: String) {
    customers(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          email
          traits
        }
      }
    }
  }
`;

let cairn: RunningCairn;
let browser: Browser;
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
  // Checked after closing, so late errors of the test's page count too.
  const found = problems?.list ?? [];
  problems = undefined;
  expect(found, 'console errors, page errors or external requests').toEqual([]);
});

interface OpenOptions {
  /** Console errors the test provokes on purpose. */
  readonly allowConsole?: readonly RegExp[];
  /** Runs before the page navigates (routes, init scripts). */
  readonly prepare?: (page: Page) => Promise<unknown>;
}

/** A fresh context (empty storage) watched for problems, with one page open at `path`. */
async function open(path: string, options: OpenOptions = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  problems = await watchForProblems(context, { allowConsole: options.allowConsole ?? [] });
  const page = await context.newPage();
  await options.prepare?.(page);
  await page.goto(`${cairn.baseUrl}${path}`);
  return page;
}

function customerPage(variables: { first: number; after?: string | null; search?: string }) {
  return cairn.graphql<CustomerPage>(CUSTOMER_PAGE, variables);
}

const emailsOf = (page: CustomerPage) => page.customers.edges.map((edge) => edge.node.email ?? '—');

/** The emails in the table once it is not loading; [] while it is. */
async function emailsShown(page: Page): Promise<string[]> {
  const busy = await page.getByTestId('customers-table').getAttribute('aria-busy');
  if (busy !== 'false') return [];
  return page.getByTestId('customer-email').allTextContents();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

describe('customers', () => {
  it('lists the newest customers, searches by name or email, and pages', async () => {
    const page = await open('/');
    await page.waitForURL(`${cairn.baseUrl}/customers`);

    const [firstPage, workspace] = await Promise.all([
      customerPage({ first: PAGE_SIZE }),
      cairn.graphql<{ workspace: { name: string } }>('{ workspace { name } }'),
    ]);
    expect(firstPage.customers.totalCount).toBe(DEMO_CUSTOMERS);

    await expect.poll(() => emailsShown(page)).toEqual(emailsOf(firstPage));
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PAGE_SIZE);
    expect(await page.getByTestId('customer-email').first().textContent()).toBe(
      firstPage.customers.edges[0]?.node.email,
    );
    expect(await page.getByTestId('customers-total').textContent()).toBe(
      `${DEMO_CUSTOMERS} customers`,
    );
    expect(await page.getByTestId('workspace-name').textContent()).toBe(workspace.workspace.name);
    expect(await page.getByTestId('customer-name').first().textContent()).toBe(
      firstPage.customers.edges[0]?.node.traits['name'],
    );
    await screenshot(page, 'customers');

    // Search: debounced, in the URL, and the same rows as the API returns for it.
    const search = 'ada';
    const searched = await customerPage({ first: PAGE_SIZE, search });
    expect(searched.customers.totalCount).toBeGreaterThan(0);
    expect(searched.customers.totalCount).toBeLessThan(DEMO_CUSTOMERS);
    await page.getByTestId('customers-search').fill(search);
    await page.waitForURL(`${cairn.baseUrl}/customers?q=${search}`);
    await expect.poll(() => emailsShown(page)).toEqual(emailsOf(searched));
    expect(await page.getByTestId('customers-total').textContent()).toBe(
      `${searched.customers.totalCount} ${searched.customers.totalCount === 1 ? 'customer' : 'customers'}`,
    );
    const rows = await page
      .getByTestId('customer-row')
      .evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').toLowerCase()));
    for (const row of rows) expect(row).toContain(search);
    await screenshot(page, 'customers-search');

    // Clearing the search brings the full list back; then page forward and back.
    await page.getByTestId('customers-search').fill('');
    await page.waitForURL(`${cairn.baseUrl}/customers`);
    await expect.poll(() => emailsShown(page)).toEqual(emailsOf(firstPage));

    const secondPage = await customerPage({
      first: PAGE_SIZE,
      after: firstPage.customers.pageInfo.endCursor,
    });
    await page.getByTestId('next-page').click();
    await expect.poll(() => emailsShown(page)).toEqual(emailsOf(secondPage));
    const overlap = emailsOf(secondPage).filter((email) => emailsOf(firstPage).includes(email));
    expect(overlap).toEqual([]);
    expect(await page.getByTestId('page-label').textContent()).toBe(
      `Page 2 of ${Math.ceil(DEMO_CUSTOMERS / PAGE_SIZE)}`,
    );
    await screenshot(page, 'customers-page-2');

    await page.getByTestId('previous-page').click();
    await expect.poll(() => emailsShown(page)).toEqual(emailsOf(firstPage));
  });

  it('opens a search from the URL', async () => {
    const searched = await customerPage({ first: PAGE_SIZE, search: 'rossi' });
    const page = await open('/customers?q=rossi');
    await expect.poll(() => emailsShown(page)).toEqual(emailsOf(searched));
    expect(await page.getByTestId('customers-search').inputValue()).toBe('rossi');
  });

  it('shows the code, message and request id of an error, and retries', async () => {
    const failure = {
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-browser-test' },
    };
    const page = await open('/customers', {
      // The customer list fails (as a masked server error would) until the route is removed.
      prepare: (page) =>
        page.route(
          (url) => url.pathname === '/graphql',
          async (route) => {
            if (!(route.request().postData() ?? '').includes('CustomersPageQuery')) {
              return route.continue();
            }
            return route.fulfill({ json: { data: null, errors: [failure] } });
          },
        ),
    });
    const notice = page.getByTestId('error-notice');
    await notice.waitFor();
    expect(await notice.getByTestId('error-code').textContent()).toBe('INTERNAL_SERVER_ERROR');
    expect(await notice.getByTestId('error-message').textContent()).toBe(failure.message);
    expect(await notice.getByTestId('error-request-id').textContent()).toBe('req-browser-test');
    await screenshot(page, 'customers-error');

    await page.unrouteAll();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PAGE_SIZE);
  });
});

describe('playground', () => {
  it('runs the default query with the API key in the headers', async () => {
    const newest = await customerPage({ first: 5 });
    // GraphiQL's Monaco setup logs worker creation with console.info; only errors fail the test.
    const page = await open('/playground');
    const workerWarnings: string[] = [];
    page.on('console', (message) => {
      if (/worker/i.test(message.text()) && message.type() === 'warning') {
        workerWarnings.push(message.text());
      }
    });
    const queryEditor = page.locator('.graphiql-query-editor');
    await expect
      .poll(() => text(queryEditor), { timeout: 30_000 })
      .toContain('customers(first: 5)');
    const headers = page.locator('.graphiql-editor-tool');
    await expect.poll(() => text(headers)).toContain(`"Authorization": "Bearer ${cairn.apiKey}"`);

    const answered = page.waitForResponse(
      (response) =>
        response.url() === `${cairn.baseUrl}/graphql` &&
        (response.request().postData() ?? '').includes('customers(first: 5)'),
    );
    await page.locator('.graphiql-execute-button').click();
    expect((await answered).status()).toBe(200);

    const result = page.locator('.graphiql-response');
    await expect.poll(() => text(result)).toContain(`"totalCount": ${DEMO_CUSTOMERS}`);
    await expect.poll(() => text(result)).toContain(`"email": "${emailsOf(newest)[0]}"`);
    await screenshot(page, 'playground');

    // Monaco's GraphQL worker runs (offline): it flags a field the schema does not have.
    expect(await page.locator('.graphiql-query-editor .squiggly-error').count()).toBe(0);
    await queryEditor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nquery Broken { noSuchField');
    await expect
      .poll(() => page.locator('.graphiql-query-editor .squiggly-error').count())
      .toBeGreaterThan(0);
    expect(workerWarnings).toEqual([]);
  });
});

describe('navigation', () => {
  it('shows "Page not found" for an unknown route, with a way home', async () => {
    const page = await open('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('/no/such/page');
    await screenshot(page, 'not-found');

    await page.getByRole('link', { name: 'Go to Customers' }).click();
    await page.waitForURL(`${cairn.baseUrl}/customers`);
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PAGE_SIZE);
  });

  it('switches between Customers and Playground from the header', async () => {
    const page = await open('/customers');
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.waitForURL(`${cairn.baseUrl}/playground`);
    await page.locator('.graphiql-container').waitFor();
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(`${cairn.baseUrl}/customers`);
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PAGE_SIZE);
  });
});

describe('connect', () => {
  it('asks for a key when the server rejects the one in use, and remembers the pasted one', async () => {
    const page = await open('/customers', {
      // The server answers the stale key with HTTP 401, which Chromium logs as a console error.
      allowConsole: [/status of 401/],
      // Stands in for a stale injected key: the server's own injection is ignored.
      prepare: (page) =>
        page.addInitScript(() => {
          Object.defineProperty(window, '__CAIRN__', {
            get: () => ({ demoApiKey: 'cairn_revoked_or_unknown' }),
            set: () => undefined,
          });
        }),
    });

    await page.getByRole('heading', { name: 'Connect to Cairn' }).waitFor();
    expect(await page.getByTestId('connect-message').textContent()).toMatch(/not valid/);
    await screenshot(page, 'connect');

    await page.getByTestId('api-key-input').fill(`Bearer ${cairn.apiKey}`);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PAGE_SIZE);

    // Next visit: the rejected key is skipped and the saved one used, without asking again.
    await page.reload();
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PAGE_SIZE);
    expect(await page.getByTestId('connect-screen').count()).toBe(0);
  });
});

/** Visible text of a GraphiQL pane; Monaco renders spaces as no-break spaces. */
async function text(locator: ReturnType<Page['locator']>): Promise<string> {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}
