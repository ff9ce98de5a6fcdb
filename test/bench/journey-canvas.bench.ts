/**
 * Frame time while dragging a step on a large journey canvas, in headless Chromium against the
 * real server and the built client, with the same drag on a small journey as the baseline in the
 * same run. Prints median, p95 and worst frame intervals and the ratios to the baseline; it asserts
 * nothing about speed. Sizes: BENCH_JOURNEY_NODES (default 300), BENCH_JOURNEY_BASELINE_NODES
 * (default 10), BENCH_JOURNEY_MOVES (mouse moves in the drag, default 120). Build the client first.
 */
import type { Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { startCairn, type RunningCairn } from '../browser/cairn-server';
import { launchChromium, watchForProblems } from '../browser/chromium';

const NODES = Number(process.env['BENCH_JOURNEY_NODES'] ?? 300);
const BASELINE_NODES = Number(process.env['BENCH_JOURNEY_BASELINE_NODES'] ?? 10);
const MOVES = Number(process.env['BENCH_JOURNEY_MOVES'] ?? 120);
const COLUMNS = 15;

/** A valid journey of `n` steps: a trigger, alternating waits and emails, an exit; on a grid. */
export function chainJourney(n: number) {
  const at = (i: number) => ({ x: (i % COLUMNS) * 300, y: Math.floor(i / COLUMNS) * 160 });
  const nodes = Array.from({ length: n }, (_, i) => {
    if (i === 0)
      return {
        id: 'n0',
        kind: 'trigger',
        position: at(i),
        trigger: { type: 'event', event: 'Guide Downloaded' },
      };
    if (i === n - 1) return { id: `n${i}`, kind: 'exit', position: at(i) };
    if (i % 2 === 1)
      return {
        id: `n${i}`,
        kind: 'wait',
        position: at(i),
        wait: { type: 'duration', duration: { amount: 1, unit: 'hours' } },
      };
    return {
      id: `n${i}`,
      kind: 'action',
      label: `Email ${i}`,
      position: at(i),
      action: {
        type: 'send',
        channel: 'email',
        template: { subject: `Step ${i}`, body: '<p>Hi {{ traits.first_name | "there" }}</p>' },
      },
    };
  });
  const edges = nodes
    .slice(1)
    .map((node, i) => ({ id: `e${i}`, source: `n${i}`, sourceHandle: 'next', target: node.id }));
  return { version: 1, nodes, edges, settings: { reentry: 'afterExit', exitOnGoal: true } };
}

interface FrameStats {
  readonly frames: number;
  readonly median: number;
  readonly p95: number;
  readonly worst: number;
}

async function measureDrag(cairn: RunningCairn, page: Page, n: number): Promise<FrameStats> {
  const created = await cairn.graphql<{ createJourney: { journey: { id: string } } }>(
    `mutation ($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id } } }`,
    { input: { name: `Canvas ${n}`, graph: chainJourney(n) } },
  );
  await page.goto(`${cairn.baseUrl}/journeys/${created.createJourney.journey.id}`);
  await page
    .locator('[data-testid^="step-n"]')
    .nth(n - 1)
    .waitFor();
  await page.waitForTimeout(500);
  const target = page.getByTestId(`step-n${Math.floor(n / 2)}`);
  const box = await target.boundingBox();
  if (!box) throw new Error('the step to drag is not on screen');
  const start = { x: box.x + box.width / 2, y: box.y + 4 };
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(RECORD_FRAMES);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(start.x + i * 2, start.y + Math.sin(i / 8) * 40);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const after = await target.boundingBox();
  // A drag that did not move the step measured nothing: abort rather than print a figure.
  if (!after || Math.abs(after.x - box.x) < MOVES) throw new Error('the dragged step did not move');
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const deltas = stamps
    .slice(1)
    .map((t, i) => t - stamps[i]!)
    .sort((a, b) => a - b);
  const pick = (q: number) =>
    deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))] ?? NaN;
  return { frames: deltas.length, median: pick(0.5), p95: pick(0.95), worst: deltas.at(-1) ?? NaN };
}

/** Records the time of every animation frame into `window.__frames` until `__recording` is false. */
const RECORD_FRAMES = `
  window.__frames = [];
  window.__recording = true;
  requestAnimationFrame(function tick(t) {
    if (!window.__recording) return;
    window.__frames.push(t);
    requestAnimationFrame(tick);
  });
`;

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const cairn = await startCairn();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const problems = await watchForProblems(context);
    const page = await context.newPage();
    const baseline = await measureDrag(cairn, page, BASELINE_NODES);
    const large = await measureDrag(cairn, page, NODES);
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    console.log(
      `journey canvas: frame interval while dragging one step (${MOVES} mouse moves), load average ${load}`,
    );
    for (const [name, s] of [
      [`${BASELINE_NODES} steps (baseline)`, baseline],
      [`${NODES} steps`, large],
    ] as const)
      console.log(
        `  ${name.padEnd(22)} frames ${String(s.frames).padStart(4)}  median ${fmt(s.median)}  p95 ${fmt(s.p95)}  worst ${fmt(s.worst)}`,
      );
    console.log(
      `  ratio ${NODES}/${BASELINE_NODES}: median ×${(large.median / baseline.median).toFixed(2)}, p95 ×${(large.p95 / baseline.p95).toFixed(2)}`,
    );
    await context.close();
    if (problems.list.length) throw new Error(`page problems: ${problems.list.join('; ')}`);
  } finally {
    await browser.close();
    await cairn.stop();
  }
}

await main();
