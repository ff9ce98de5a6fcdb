import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIResponse, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCairn, type RunningCairn } from './cairn-server';
import { launchChromium, watchForProblems, type PageProblems } from './chromium';
import {
  createJourney,
  eventTrigger,
  ingest,
  readDraft,
  saveDraft,
  waitDays,
} from './journey-editor.api';

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

async function openEditor(id: string, before?: (page: Page) => Promise<void>): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  problems = await watchForProblems(context);
  const page = await context.newPage();
  await before?.(page);
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

/** Selects a step the keyboard way: focus it on the canvas (as Tab would), then Enter. */
async function selectByKeyboard(page: Page, id: string, title: string) {
  await page.locator(`.react-flow__node[data-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  await poll(() => page.getByTestId('inspector').getAttribute('aria-label')).toBe(
    `${title} settings`,
  );
}

const saved = (page: Page) =>
  poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');

describe('the journey editor without a mouse, and with property filters', () => {
  it(
    'filters a trigger on an event property, connects an output and adds and deletes steps by keyboard',
    { timeout: 120_000 },
    async () => {
      // The catalog learns the event's properties from one event sent through the API.
      const event = 'Webinar Registered';
      await ingest(cairn, [
        {
          messageId: 'kbd-catalog-1',
          event,
          email: 'kbd-catalog@example.com',
          properties: { topic: 'pricing', seats: 3 },
        },
      ]);
      const id = await createJourney(
        cairn,
        'Webinar follow-up',
        [
          eventTrigger(event),
          waitDays(1, 160),
          { id: 'done', kind: 'exit', position: { x: 0, y: 320 } },
        ],
        [{ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'wait' }],
      );
      const page = await openEditor(id);
      try {
        await filterConnectAndDelete(page, id, event);
      } catch (error) {
        await page.screenshot({ path: `${ARTIFACTS}journey-editor-keyboard-failure.png` });
        throw error;
      }
    },
  );
});

async function filterConnectAndDelete(page: Page, id: string, event: string) {
  const unconnected = page.locator(
    '[data-testid="problem"][data-code="JOURNEY_OUTPUT_UNCONNECTED"][data-node="wait"]',
  );
  await poll(() => unconnected.count()).toBe(1);

  // The trigger's property filter: the rule editor's rows, with the event's catalog paths.
  await selectByKeyboard(page, 'trigger', 'Trigger');
  const filters = page.getByTestId('inspector').getByTestId('property-filters');
  await filters.getByTestId('add-property-filter').focus();
  await page.keyboard.press('Enter');
  const property = filters.getByLabel('Property', { exact: true });
  await property.waitFor();
  const offered = await property
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(expect.arrayContaining(['seats', 'topic']));
  await property.selectOption('seats');
  await filters.getByLabel('Operator').selectOption('gte');
  await filters.getByLabel('Value', { exact: true }).fill('2');
  await saved(page);
  const trigger = (await readDraft(cairn, id)).draft.nodes.find((n) => n['id'] === 'trigger') as
    { trigger: { event: string; where?: { kind: string; children: unknown[] } } } | undefined;
  expect(trigger?.trigger.event).toBe(event);
  expect(trigger?.trigger.where).toMatchObject({
    kind: 'all',
    children: [{ kind: 'property', path: 'seats', type: 'number', op: 'gte', value: 2 }],
  });
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-trigger-filter.png` });

  // Connect the wait's output from the inspector: the list offers what dragging would accept.
  await selectByKeyboard(page, 'wait', 'Wait');
  const connect = page.getByTestId('inspector').getByTestId('connect-next');
  const targets = await connect
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(targets).toEqual(['', 'done']); // not itself, not the trigger
  await connect.focus();
  await page.keyboard.press('ArrowDown');
  await poll(() => edgeCount(page)).toBe(2);
  await poll(() => unconnected.count()).toBe(0);
  expect(await connect.inputValue()).toBe('done');
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-keyboard-connect.png` });

  // A palette item added by keyboard lands on a free spot, selected; Delete removes it.
  const before = await stepIds(page, 'exit');
  await page.getByTestId('palette-exit').focus();
  await page.keyboard.press('Enter');
  await poll(async () => (await stepIds(page, 'exit')).length).toBe(before.length + 1);
  const added = (await stepIds(page, 'exit')).find((s) => !before.includes(s))!;
  await poll(() => page.getByTestId('inspector').getAttribute('aria-label')).toBe('Exit settings');
  const box = await page.getByTestId(`step-${added}`).boundingBox();
  for (const other of ['trigger', 'wait', 'done']) {
    const b = await page.getByTestId(`step-${other}`).boundingBox();
    if (!box || !b) continue;
    const apart =
      box.x + box.width <= b.x ||
      b.x + b.width <= box.x ||
      box.y + box.height <= b.y ||
      b.y + b.height <= box.y;
    expect(apart, `the new step overlaps ${other}`).toBe(true);
  }
  await selectByKeyboard(page, added, 'Exit');
  await page.keyboard.press('Delete');
  await poll(async () => (await stepIds(page, 'exit')).length).toBe(before.length);
  await saved(page);
  expect((await readDraft(cairn, id)).draft.nodes.map((n) => n['id'])).not.toContain(added);
}

type StoredNode = Record<string, unknown> & { id: string; label?: string };
const labelOf = (nodes: Record<string, unknown>[], id: string) =>
  (nodes as StoredNode[]).find((n) => n.id === id)?.label;

describe('saving the draft against the server', () => {
  it(
    'stops at a save conflict, keeps mine or reloads theirs (undo brings mine back), and shows what only the server finds',
    { timeout: 120_000 },
    async () => {
      const segment = await cairn.graphql<{ createSegment: { segment: { id: string } } }>(
        `mutation ($input: SegmentInput!) { createSegment(input: $input) { segment { id } } }`,
        {
          input: {
            name: 'Conflict test audience',
            rule: { version: 1, root: { kind: 'consent', channel: 'email' } },
          },
        },
      );
      const segmentId = segment.createSegment.segment.id;
      const id = await createJourney(
        cairn,
        'Conflict test',
        [
          {
            id: 'trigger',
            kind: 'trigger',
            label: 'Joins the audience',
            position: { x: 0, y: 0 },
            trigger: { type: 'segmentEntered', segmentId },
          },
          { id: 'done', kind: 'exit', label: 'Done', position: { x: 0, y: 200 } },
        ],
        [{ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'done' }],
      );
      // The page's catalog stays as it loaded (the editor query is refetched after each save:
      // answered here with its first answer), so a segment archived later is news only to the
      // server, which compiles the draft against the workspace on every save.
      const page = await openEditor(id, freezeEditorQuery);
      try {
        await conflictAndServerProblems(page, id, segmentId);
      } catch (error) {
        await page.screenshot({ path: `${ARTIFACTS}journey-editor-conflict-failure.png` });
        throw error;
      }
    },
  );
});

/** Answers every later `JourneyEditorQuery` of the page with its first answer. */
async function freezeEditorQuery(page: Page) {
  let first: { response: APIResponse; body: Buffer } | undefined;
  await page.route('**/graphql', async (route) => {
    if (!route.request().postData()?.includes('query JourneyEditorQuery')) return route.fallback();
    if (!first) {
      const response = await route.fetch();
      first = { response, body: await response.body() };
    }
    await route.fulfill({ response: first.response, body: first.body });
  });
}

async function conflictAndServerProblems(page: Page, id: string, segmentId: string) {
  await poll(() => page.getByTestId('publish').isDisabled()).toBe(false);

  // Someone else saves the draft with the revision the editor also holds.
  const stored = await readDraft(cairn, id);
  const theirs = {
    ...stored.draft,
    nodes: stored.draft.nodes.map((n) => (n['id'] === 'done' ? { ...n, label: 'Theirs' } : n)),
  };
  const theirRevision = await saveDraft(cairn, id, theirs, stored.draftRevision);
  expect(theirRevision).toBe(stored.draftRevision + 1);

  // An edit here is refused as stale: the editor says so and keeps it.
  await selectByKeyboard(page, 'trigger', 'Trigger');
  await page.getByTestId('step-name').fill('Mine');
  await poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('conflict');
  const banner = page.getByTestId('save-conflict');
  await banner.waitFor();
  await poll(() => banner.getByTestId('conflict-changes').textContent()).toContain('Mine');
  expect(await page.getByTestId('step-trigger').textContent()).toContain('Mine');
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-conflict.png` });

  // Keep mine: saved over theirs on the fresh revision.
  await banner.getByTestId('conflict-keep-mine').click();
  await saved(page);
  await poll(() => banner.count()).toBe(0);
  const kept = await readDraft(cairn, id);
  expect(kept.draftRevision).toBe(theirRevision + 1);
  expect(labelOf(kept.draft.nodes, 'trigger')).toBe('Mine');
  expect(labelOf(kept.draft.nodes, 'done')).toBe('Done');

  // Autosave goes on from there.
  await page.getByTestId('step-name').fill('Mine again');
  await saved(page);
  await poll(async () => labelOf((await readDraft(cairn, id)).draft.nodes, 'trigger')).toBe(
    'Mine again',
  );

  // Another conflict, resolved the other way: their draft replaces this one, as an undo step.
  const latest = await readDraft(cairn, id);
  const renamedDone = {
    ...latest.draft,
    nodes: latest.draft.nodes.map((n) => (n['id'] === 'done' ? { ...n, label: 'Their exit' } : n)),
  };
  await saveDraft(cairn, id, renamedDone, latest.draftRevision);
  await page.getByTestId('step-name').fill('Mine, lost?');
  await poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('conflict');
  await banner.getByTestId('conflict-reload-theirs').click();
  await poll(() => page.getByTestId('step-done').textContent()).toContain('Their exit');
  expect(await page.getByTestId('step-trigger').textContent()).toContain('Mine again');
  await saved(page);
  // Not lost: undo brings this editor's draft back, and it is saved on their revision.
  await page.getByTestId('journey-canvas').click({ position: { x: 40, y: 400 } });
  await page.keyboard.press('Control+z');
  await poll(() => page.getByTestId('step-trigger').textContent()).toContain('Mine, lost?');
  await saved(page);
  await poll(async () => labelOf((await readDraft(cairn, id)).draft.nodes, 'trigger')).toBe(
    'Mine, lost?',
  );
  await selectByKeyboard(page, 'trigger', 'Trigger');

  // The segment is archived behind the editor's back: only the server, which compiles against
  // the workspace on save, knows. Its problem joins the panel and blocks publishing.
  await cairn.graphql(`mutation ($id: ID!) { archiveSegment(id: $id) { id } }`, {
    id: segmentId,
  });
  await page.getByTestId('step-name').fill('Joins an archived audience');
  await saved(page);
  const fromServer = page.locator(
    '[data-testid="problem"][data-code="JOURNEY_UNKNOWN_SEGMENT"][data-node="trigger"]',
  );
  await poll(() => fromServer.count()).toBe(1);
  expect(await fromServer.getAttribute('data-source')).toBe('server');
  expect(await page.getByTestId('step-problems-trigger').textContent()).toBe('1');
  await poll(() => page.getByTestId('publish').isDisabled()).toBe(true);
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-server-problem.png` });
}

const DAY_MS = 86_400_000;
/** Customers the backtest replays, made through the API with their history in the past. */
const WEBINAR_CUSTOMERS = [
  { email: 'bt-a@example.com', daysAgo: 3, consent: true },
  { email: 'bt-b@example.com', daysAgo: 12, consent: true },
  { email: 'bt-c@example.com', daysAgo: 20, consent: false },
  { email: 'bt-d@example.com', daysAgo: 0.25, consent: true }, // still waiting at the end
  { email: 'bt-e@example.com', daysAgo: 60, consent: true }, // outside the last 30 days
] as const;
const WAIT_DAYS = 1;

/** What a window of the last `days` should show, worked out from the customers above. */
function expectedBacktest(fromDaysAgo: number, toDaysAgo = 0) {
  const inWindow = WEBINAR_CUSTOMERS.filter(
    (c) => c.daysAgo <= fromDaysAgo && c.daysAgo >= toDaysAgo,
  );
  // The email goes out a day after entering, if that is still inside the window.
  const emailed = inWindow.filter((c) => c.daysAgo - WAIT_DAYS >= toDaysAgo);
  return {
    eligible: inWindow.length,
    wait: inWindow.length,
    email: emailed.length,
    sent: emailed.filter((c) => c.consent).length,
    noConsent: emailed.filter((c) => !c.consent).length,
  };
}

describe('the backtest panel', () => {
  it(
    'replays the draft over customers with past history and draws the projected counts',
    { timeout: 120_000 },
    async () => {
      const event = 'Backtest Webinar Attended';
      const now = Date.now();
      const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
      await ingest(
        cairn,
        WEBINAR_CUSTOMERS.flatMap((c, i) => [
          {
            type: 'identify',
            messageId: `bt-identify-${i}`,
            email: c.email,
            timestamp: at(100),
            consent: [{ channel: 'email', granted: c.consent, timestamp: at(100) }],
          },
          { messageId: `bt-event-${i}`, event, email: c.email, timestamp: at(c.daysAgo) },
        ]),
      );
      const id = await createJourney(
        cairn,
        'Webinar thanks',
        [
          eventTrigger(event),
          waitDays(WAIT_DAYS, 150, 'A day later'),
          {
            id: 'thanks',
            kind: 'action',
            label: 'Thanks email',
            position: { x: 0, y: 300 },
            action: {
              type: 'send',
              channel: 'email',
              template: { subject: 'Thanks for joining', body: '<p>Slides inside.</p>' },
            },
          },
          { id: 'done', kind: 'exit', position: { x: 0, y: 450 } },
        ],
        [
          { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'wait' },
          { id: 'e2', source: 'wait', sourceHandle: 'next', target: 'thanks' },
          { id: 'e3', source: 'thanks', sourceHandle: 'next', target: 'done' },
        ],
      );
      const page = await openEditor(id);
      try {
        await runBacktests(page);
      } catch (error) {
        await page.screenshot({ path: `${ARTIFACTS}journey-editor-backtest-failure.png` });
        throw error;
      }
    },
  );
});

async function runBacktests(page: Page) {
  await page.getByTestId('backtest').click();
  const panel = page.getByTestId('backtest-panel');
  const check = async (expected: ReturnType<typeof expectedBacktest>) => {
    await panel.getByTestId('backtest-run').click();
    await poll(() => panel.getByTestId('backtest-eligible').textContent()).toBe(
      String(expected.eligible),
    );
    expect(await panel.getByTestId('backtest-sampled').textContent()).toBe(
      String(expected.eligible),
    );
    expect(await panel.getByTestId('backtest-entered').textContent()).toBe(
      String(expected.eligible),
    );
    await poll(() => page.getByTestId('step-projected-entered-wait').textContent()).toBe(
      String(expected.wait),
    );
    expect(await page.getByTestId('step-projected-entered-thanks').textContent()).toBe(
      String(expected.email),
    );
    const row = panel.getByTestId('backtest-sends-thanks');
    expect(await row.getByTestId('sent').textContent()).toBe(String(expected.sent));
    expect(await row.getByTestId('skipped-no-consent').textContent()).toBe(
      String(expected.noConsent),
    );
    expect(await row.getByTestId('deferred').textContent()).toBe('0');
  };

  await panel.getByTestId('backtest-window').selectOption('30');
  await check(expectedBacktest(30));
  // Projected counts are drawn apart from live ones.
  expect(await page.getByTestId('step-projected-wait').getAttribute('class')).toContain(
    'step__stats--projected',
  );
  expect(await page.getByTestId('step-stats-wait').count()).toBe(0);
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-backtest.png` });

  await panel.getByTestId('backtest-window').selectOption('90');
  await check(expectedBacktest(90));

  // Dates of one's own: 25 to 15 days ago (whole local days; the browser's zone).
  const day = (daysAgo: number) =>
    page.evaluate(
      (ms) => {
        const d = new Date(ms);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      },
      Date.now() - daysAgo * DAY_MS,
    );
  await panel.getByTestId('backtest-window').selectOption('custom');
  await panel.getByTestId('backtest-from').fill(await day(25));
  await panel.getByTestId('backtest-to').fill(await day(15));
  await check(expectedBacktest(25, 15));
  await page.screenshot({ path: `${ARTIFACTS}journey-editor-backtest-custom.png` });

  // Closing the panel takes the projection off the canvas.
  await panel.getByRole('button', { name: 'Close' }).click();
  await poll(() => page.getByTestId('step-projected-wait').count()).toBe(0);
}
