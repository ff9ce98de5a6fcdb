import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCairn, type RunningCairn } from './cairn-server';
import { launchChromium, watchForProblems, type PageProblems } from './chromium';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const TRIGGER_EVENT = 'Guide Downloaded';

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
  const found = problems?.list ?? [];
  problems = undefined;
  expect(found, 'console errors, page errors or external requests').toEqual([]);
});

/** A journey with an empty canvas, created through the API. */
async function emptyJourney(name: string): Promise<string> {
  const data = await cairn.graphql<{ createJourney: { journey: { id: string } } }>(
    `mutation ($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
    {
      input: {
        name,
        graph: {
          version: 1,
          nodes: [],
          edges: [],
          settings: { reentry: 'afterExit', exitOnGoal: true },
        },
      },
    },
  );
  return data.createJourney.journey.id;
}

async function openEditor(id: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  problems = await watchForProblems(context);
  const page = await context.newPage();
  await page.goto(`${cairn.baseUrl}/journeys/${id}`);
  await page.getByTestId('journey-canvas').waitFor();
  return page;
}

/** Drags a palette item onto the canvas at (x, y) relative to the canvas; returns the new node's id. */
async function dropStep(page: Page, kind: string, x: number, y: number): Promise<string> {
  const before = await stepIds(page, kind);
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(page.getByTestId('journey-canvas'), { targetPosition: { x, y } });
  await poll(async () => (await stepIds(page, kind)).length).toBe(before.length + 1);
  const id = (await stepIds(page, kind)).find((s) => !before.includes(s));
  if (!id) throw new Error(`no ${kind} step appeared`);
  return id;
}

async function stepIds(page: Page, kind: string): Promise<string[]> {
  const ids = await page
    .locator(`[data-testid^="step-"][data-kind="${kind}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('step-'.length)));
  return ids;
}

const center = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Draws a connection by dragging from an output handle to a step's input handle. */
async function connectSteps(page: Page, source: string, handle: string, target: string) {
  const from = await center(page.getByTestId(`handle-${source}-${handle}`));
  const node = page.getByTestId(`step-${target}`);
  // A step that takes no input (a trigger) has no input handle: aim at the step itself.
  const input = node.locator('.react-flow__handle.target');
  const to = await center((await input.count()) ? input : node);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Polls with room for the autosave delay, a round trip and the stats refresh on a busy machine. */
const poll = <T>(read: () => T | Promise<T>, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 100 });

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();

describe('the journey editor', () => {
  it(
    'draws a journey, shows the compile error, publishes it and counts a customer live',
    { timeout: 180_000 },
    async () => {
      const id = await emptyJourney('Guide follow-up');
      const page = await openEditor(id);
      try {
        await drawPublishAndCount(page, id);
      } catch (error) {
        await page.screenshot({ path: `${ARTIFACTS}journey-editor-failure.png` });
        throw error;
      }
    },
  );
});

describe('the journeys list and the simulation panel', () => {
  it(
    'lists a journey by status, opens it, and steps a simulated customer through it',
    { timeout: 120_000 },
    async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      problems = await watchForProblems(context);
      const page = await context.newPage();
      await page.goto(`${cairn.baseUrl}/journeys`);
      await page.getByLabel('Start from an example').selectOption('cartAbandoned');
      await page.getByTestId('journey-canvas').waitFor();
      await poll(() => page.getByTestId('journey-name').textContent()).toBe('Cart abandoned');
      await poll(() => page.getByTestId('publish').isDisabled()).toBe(false);

      await page.getByTestId('simulate').click();
      await page.getByTestId('simulation-customer').selectOption('');
      await page.getByTestId('simulation-timeline').fill('+0m Cart Abandoned');
      await page.getByTestId('simulation-run').click();
      // No order within 5 minutes: the wait times out and the reminder goes out.
      await poll(() => page.getByTestId('simulation-outcome').textContent()).toContain('Entered');
      await poll(() => page.locator('.step--current').count()).toBe(1);
      const visited = () => page.locator('.step--visited').count();
      const first = await visited();
      await page.getByTestId('simulation-next').click();
      await page.getByTestId('simulation-next').click();
      await poll(visited).toBeGreaterThan(first);
      await poll(() => page.getByTestId('step-reminder').getAttribute('class')).toContain(
        'step--visited',
      );
      await page.screenshot({ path: `${ARTIFACTS}journey-editor-simulation.png` });

      await page.goto(`${cairn.baseUrl}/journeys`);
      await poll(() => page.getByTestId('journeys-table').textContent()).toContain(
        'Cart abandoned',
      );
      // Not published: listed among drafts, not among active journeys.
      await page.getByLabel('Status').selectOption('active');
      const listed = page.locator('[data-testid="journeys-table"], [data-testid="journeys-empty"]');
      await poll(() => listed.first().textContent()).not.toContain('Cart abandoned');
      await page.getByLabel('Status').selectOption('draft');
      await poll(() => page.getByTestId('journeys-table').textContent()).toContain(
        'Cart abandoned',
      );
      await page.screenshot({ path: `${ARTIFACTS}journeys-list.png` });
    },
  );
});

async function drawPublishAndCount(page: Page, id: string) {
  await poll(() => page.getByTestId('problem').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-empty.png` });

  const trigger = await dropStep(page, 'trigger', 170, 55);
  await page.getByTestId('trigger-event').fill(TRIGGER_EVENT);
  const wait = await dropStep(page, 'wait', 170, 165);
  const condition = await dropStep(page, 'condition', 170, 275);
  const email = await dropStep(page, 'action', 170, 395);
  await connectSteps(page, trigger, 'next', wait);
  await connectSteps(page, wait, 'next', condition);
  await connectSteps(page, condition, 'yes', email);
  await poll(() => edgeCount(page)).toBe(3);

  // A connection into the trigger would make an invalid graph: it is refused as it is drawn.
  await connectSteps(page, condition, 'no', trigger);
  expect(await edgeCount(page)).toBe(3);

  // The unconnected "no" output is an error pinned on the condition; publishing is blocked.
  const unconnected = page.locator(
    `[data-testid="problem"][data-code="JOURNEY_OUTPUT_UNCONNECTED"][data-node="${condition}"]`,
  );
  await poll(() => unconnected.count()).toBe(1);
  expect(await page.getByTestId(`step-problems-${condition}`).textContent()).not.toBe('');
  expect(await page.getByTestId('publish').isDisabled()).toBe(true);
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-error.png` });

  // The exit that will fix it, dropped before focusing moves the view.
  const exit = await dropStep(page, 'exit', 460, 400);
  // Clicking the problem focuses (selects) its step.
  await unconnected.click();
  await poll(() => page.getByTestId('inspector').getAttribute('aria-label')).toBe(
    'Condition settings',
  );

  // Fix it: an exit for "no" and after the email.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(400);
  await connectSteps(page, condition, 'no', exit);
  await connectSteps(page, email, 'next', exit);
  await poll(() => edgeCount(page)).toBe(5);
  await poll(() =>
    page.locator('[data-testid="problem"][data-code="JOURNEY_OUTPUT_UNCONNECTED"]').count(),
  ).toBe(0);
  await poll(() => page.getByTestId('publish').isDisabled()).toBe(false);

  // Undo takes the last edge away; redo brings it back.
  await page.getByTestId('journey-canvas').click({ position: { x: 640, y: 20 } });
  await page.keyboard.press('Control+z');
  await poll(() => edgeCount(page)).toBe(4);
  await page.keyboard.press('Control+Shift+z');
  await poll(() => edgeCount(page)).toBe(5);

  await page.getByTestId('auto-layout').click();
  await poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
  await page.getByTestId('publish').click();
  await poll(() => page.getByTestId('publish-changes').textContent()).not.toBe('');
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-publish.png` });
  await page.getByTestId('publish-confirm').click();
  await poll(() => page.getByTestId('journey-status').textContent()).toBe('Live · v1');

  // The server compiled the same draft on save: no problems there either.
  const stored = await cairn.graphql<{
    journey: { problems: { severity: string }[]; liveVersion: number };
  }>(`query ($id: ID!) { journey(id: $id) { liveVersion problems { severity } } }`, { id });
  expect(stored.journey.liveVersion).toBe(1);
  expect(stored.journey.problems.filter((p) => p.severity === 'error')).toEqual([]);

  const response = await fetch(`${cairn.baseUrl}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cairn.apiKey}` },
    body: JSON.stringify([
      { messageId: 'journey-e2e-1', event: TRIGGER_EVENT, email: 'journey-e2e@example.com' },
    ]),
  });
  expect(response.status).toBe(200);
  await poll(() => page.getByTestId(`step-entered-${wait}`).textContent(), 30_000).toBe('1');
  expect(await page.getByTestId(`step-entered-${trigger}`).textContent()).toBe('1');
  await poll(() => page.getByTestId('journey-entered').textContent()).toBe('1');
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-live.png` });
}
