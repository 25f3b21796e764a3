import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * Scrubbing to step k shows the same world as stepping k times: the whole world (broker topics,
 * partitions, records, offsets, groups and commits, the event store, read models, queues, snapshots,
 * generators), its effects and narration, compared as canonical JSON from the e2e test hook.
 */

const dump = async (page: Page): Promise<string> => {
  const d = await page.evaluate(() => window.__eventLab!.worldDump());
  expect(d, 'a run is open').not.toBeNull();
  return d!;
};

/** Presses "Step forward" until the last step, skipping questions; returns the dump of every step. */
async function stepThrough(app: PlayerPage): Promise<string[]> {
  const { lastStep } = await app.state();
  const dumps = [await dump(app.page)];
  for (let k = 1; k <= lastStep; k++) {
    // A question pauses playback until it is answered or skipped (skipping leaves the world alone).
    if ((await app.state()).mode === 'asking') await app.click('Skip');
    await app.click('Step forward');
    expect((await app.state()).step).toBe(k);
    dumps.push(await dump(app.page));
  }
  return dumps;
}

async function scrubTo(app: PlayerPage, step: number) {
  await app.timeline().fill(String(step));
  await app.settled();
  expect((await app.state()).step).toBe(step);
}

/** Same world, and when it is not, a readable diff of the parsed dumps. */
function expectSameWorld(actual: string, expected: string, what: string) {
  if (actual !== expected) expect(JSON.parse(actual), what).toEqual(JSON.parse(expected));
  expect(actual, what).toBe(expected);
}

const cases = [
  // Event store, aggregates, read models, the relay, a compacted topic and five groups.
  // Its practice opens first and hides the run (the answer); the test skips it, as a learner can.
  { scenario: 'ride-sharing', targets: [7, 13, 20], practice: true },
  // Joins, leaves, crashes and eager vs cooperative rebalances.
  { scenario: 'consumer-groups-rebalancing', targets: [5, 11, 17] },
  // A classic queue next to a topic.
  { scenario: 'log-vs-queue', targets: [9, 20] },
];

for (const { scenario, targets, practice } of cases) {
  test(`${scenario}: scrubbing to a step shows the same world as stepping there`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new PlayerPage(page);
    await app.open(`#/s/${scenario}/0`);
    if (practice) await app.click('Skip the practice and watch the reference run');
    const stepped = await stepThrough(app);
    const last = stepped.length - 1;
    expect(last).toBeGreaterThanOrEqual(Math.max(...targets));

    // The dump is the whole world and tells steps apart.
    const first = JSON.parse(stepped[0]!) as { world: Record<string, unknown> };
    expect(Object.keys(first.world)).toEqual(
      expect.arrayContaining(['broker', 'log', 'projections', 'queues', 'relay', 'snapshots']),
    );
    expect(new Set(stepped).size).toBe(stepped.length);

    await app.click('Restart');
    expect((await app.state()).step).toBe(0);
    expectSameWorld(await dump(page), stepped[0]!, 'step 0 after Restart');

    for (const k of targets) {
      // Straight from step 0 to k.
      if ((await app.state()).step !== 0) await app.click('Restart');
      await scrubTo(app, k);
      await app.expectStep(k, last);
      expectSameWorld(await dump(page), stepped[k]!, `scrubbed forward from 0 to ${k}`);
      // Backwards from a later step to k.
      await scrubTo(app, last);
      expectSameWorld(await dump(page), stepped[last]!, `scrubbed to the end`);
      await scrubTo(app, k);
      expectSameWorld(await dump(page), stepped[k]!, `scrubbed back from ${last} to ${k}`);
    }

    // Every step, alternating from both ends (last, 0, last−1, 1, …): jumps of every length, both ways.
    const order = Array.from({ length: last + 1 }, (_, i) => (i % 2 === 0 ? last - i / 2 : (i - 1) / 2));
    for (const k of order) {
      await scrubTo(app, k);
      expectSameWorld(await dump(page), stepped[k]!, `scrubbed to ${k}`);
    }

    // A fresh page opened at step k (a new stepper, no snapshots yet) computes the same world.
    const k = targets[targets.length - 1]!;
    await page.goto(`./#/s/${scenario}/${k}`);
    await page.reload();
    await app.ready();
    expect((await app.state()).step).toBe(k);
    expectSameWorld(await dump(page), stepped[k]!, `a fresh page at step ${k}`);
  });
}
