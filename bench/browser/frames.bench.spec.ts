/**
 * Rendering while playing (Chromium, `npm run bench`): a scenario with 12 partitions and 3 groups
 * where each step puts 1,000 records in flight (a poll fetching 1,000 records), played at the
 * fastest speed. Figure: the share of frames longer than 20 ms, next to a bare canvas drawing 1,000
 * moving dots in the same browser (the baseline). Targets (issue 14): at most 2 %, and at most twice
 * the bare canvas's share in the same run; a missed target prints FAIL and fails the bench. The
 * scenario travels as a share link, so the app plays it in memory exactly as a learner would open it.
 */
import { expect, test, type Page } from '@playwright/test';
import { packText } from '../../src/scenarios/io/shareCodec';
import type { ScenarioDef, StepDef } from '../../src/scenarios/schema';
import { median, record } from '../harness';

const RECORDS = 1_000;
const SECONDS = 4;
/** Issue 14's target: at most this share of frames over 20 ms (and at most twice the bare canvas's). */
const MAX_SHARE = 2;
const ROUNDS = 5;

function loadScenario(): ScenarioDef {
  const steps: StepDef[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const key = `k-${i}`;
    steps.push({
      title: 'publish',
      narration: 'n',
      action: {
        kind: 'publish',
        producer: 'p',
        topic: 'load',
        event: { eventType: 'Loaded', streamId: `s-${i % 12}`, key, data: { i } },
      },
    });
  }
  for (const g of ['g1', 'g2', 'g3'])
    steps.push({
      title: `poll ${g}`,
      narration: 'n',
      action: { kind: 'poll', group: g, member: `${g}-a`, maxRecords: RECORDS },
    });
  return {
    schemaVersion: 1,
    id: 'frames-bench',
    title: 'Frames benchmark',
    summary: 'Many records in flight.',
    level: 'advanced',
    concepts: ['rendering'],
    seed: 1,
    startTime: 0,
    stepMs: 1000,
    intro: { title: 'Load', narration: 'Load' },
    topology: {
      topics: [{ name: 'load', partitions: 12 }],
      producers: [{ id: 'p', label: 'Loader' }],
      groups: ['g1', 'g2', 'g3'].map((id) => ({
        id,
        topics: ['load'],
        members: [`${id}-a`],
        autoOffsetReset: 'earliest' as const,
      })),
    },
    steps,
    takeaways: ['t'],
  };
}

/** Frame durations (ms) measured with requestAnimationFrame for `seconds`. */
const measureFrames = (page: Page, seconds: number) =>
  page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (t: number) => {
          deltas.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );

const longShare = (deltas: number[]) => (deltas.filter((d) => d > 20).length / Math.max(1, deltas.length)) * 100;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The main thread's tasks while `during` runs, as CPU (thread) time in ms, from a minimal Chromium
 * trace of the page: on a machine shared with other work a frame's wall time says little, a task's
 * thread time still says whether the app's own work fits in a frame.
 */
async function mainThreadTasks(page: Page, during: () => Promise<unknown>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  await during();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && mains.has(`${e.pid}:${e.tid}`));
  // The page's own renderer: the main thread with the most tasks (another page may share the trace).
  const count = new Map<string, number>();
  for (const t of tasks) count.set(`${t.pid}:${t.tid}`, (count.get(`${t.pid}:${t.tid}`) ?? 0) + 1);
  const busiest = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  return tasks.filter((t) => `${t.pid}:${t.tid}` === busiest).map((t) => (t.tdur ?? 0) / 1000);
}

test('frames while playing with 1,000 records in flight vs a bare canvas', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ reducedMotion: 'no-preference', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // The document form of a share link (shareLink.ts's encodeShare), packed here: shareLink.ts imports
  // the built-in library through Vite's import.meta.glob, which Playwright's loader cannot run.
  const data = await packText(JSON.stringify({ v: 2, d: loadScenario(), s: 0 }));
  await page.goto(`${baseURL}#/share/${data}`);
  await page.waitForFunction(() => window.__eventLab?.ready === true, undefined, { timeout: 120_000 });
  // The bare canvas runs only while it is measured; rounds alternate app and bare canvas, so a busy
  // machine weighs on both alike.
  const bare = await context.newPage();
  await bare.setContent('<canvas id="c" width="1400" height="800"></canvas>');
  await bare.evaluate((n) => {
    const c = document.getElementById('c') as HTMLCanvasElement;
    const ctx = c.getContext('2d')!;
    const w = window as unknown as { __on: boolean; __start(): void };
    const dots = Array.from({ length: n }, (_, i) => ({
      x: (i * 37) % 1400,
      y: (i * 91) % 800,
      vx: 1 + (i % 5),
      vy: 1 + (i % 3),
    }));
    const draw = () => {
      if (!w.__on) return;
      ctx.clearRect(0, 0, 1400, 800);
      for (const d of dots) {
        d.x = (d.x + d.vx) % 1400;
        d.y = (d.y + d.vy) % 800;
        ctx.beginPath();
        ctx.arc(d.x, d.y, 6, 0, Math.PI * 2);
        ctx.fill();
      }
      requestAnimationFrame(draw);
    };
    w.__on = false;
    w.__start = () => {
      w.__on = true;
      requestAnimationFrame(draw);
    };
  }, RECORDS);
  const setBare = (on: boolean) =>
    bare.evaluate((v) => {
      const w = window as unknown as { __on: boolean; __start(): void };
      if (v) w.__start();
      else w.__on = false;
    }, on);

  const app: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < ROUNDS; run++) {
    await page.bringToFront();
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(RECORDS));
    await page.evaluate(() => window.__eventLab!.settled());
    await page.getByLabel('Speed').selectOption('8');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    app.push(longShare(await measureFrames(page, SECONDS)));
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();

    await bare.bringToFront();
    await setBare(true);
    base.push(longShare(await measureFrames(bare, SECONDS)));
    await setBare(false);
  }
  // For reading the figure on a busy machine: the app's own main-thread work while playing, traced in
  // rounds of their own (the figure above is never measured under a trace).
  const over: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.bringToFront();
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(RECORDS));
    await page.evaluate(() => window.__eventLab!.settled());
    const tasks = await mainThreadTasks(page, async () => {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await measureFrames(page, SECONDS);
    });
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();
    over.push(tasks.filter((ms) => ms > 16).length);
    longest.push(Math.max(0, ...tasks));
  }
  console.log(
    `  main-thread tasks over 16 ms of CPU: ${over.join(' ')}; longest: ${longest.map((x) => x.toFixed(1)).join(' ')} ms`,
  );
  record(
    'playing with 1,000 records in flight: main-thread tasks over 16 ms of CPU (median of 3 traced rounds)',
    median(over),
    'tasks',
  );
  record(
    'playing with 1,000 records in flight: the longest main-thread task, CPU ms (median of 3 traced rounds)',
    median(longest),
    'ms',
  );
  const result = record(
    'playing with 1,000 records in flight: frames > 20 ms (median of 5)',
    median(app),
    '%',
    median(base),
    false,
  );
  await context.close();
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  console.log(`  app: ${fmt(app)} %; bare canvas: ${fmt(base)} %`);
  const limit = Math.min(MAX_SHARE, 2 * median(base));
  console.log(
    `  ${result.value <= limit ? 'PASS' : 'FAIL'}: target ≤ ${MAX_SHARE} % and ≤ 2 × the bare canvas's share`,
  );
  expect(
    result.value,
    `share of frames over 20 ms (target ≤ ${MAX_SHARE} % and ≤ 2 × the bare canvas's)`,
  ).toBeLessThanOrEqual(limit);
});
