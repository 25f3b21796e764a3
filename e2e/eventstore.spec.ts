/**
 * The IndexedDB event store in Chromium, through the test harness on window.__eventLab
 * (src/app/devtools/eventStoreHarness.ts, installed in e2e builds).
 */
import { expect, test, type Page } from '@playwright/test';
import type { EventStoreHarness } from '../src/app/devtools/eventStoreHarness';
import type { RecordedEvent } from '../src/engine/types';

type H = EventStoreHarness;

async function openApp(page: Page) {
  await page.goto('./');
  await page.waitForFunction(
    () => window.__eventLab?.ready === true && typeof window.__eventLab.openStore === 'function',
  );
}

/** One total order: positions 1…N without gaps, revisions 0…n−1 per stream, nothing twice. */
function expectOneTotalOrder(all: RecordedEvent[]) {
  expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
  const perStream = new Map<string, number[]>();
  for (const e of all) perStream.set(e.streamId, [...(perStream.get(e.streamId) ?? []), e.revision]);
  for (const [, revisions] of perStream) expect(revisions).toEqual(revisions.map((_, i) => i));
  const keys = all.map((e) => `${e.streamId}/${e.eventId}`);
  expect(new Set(keys).size).toBe(keys.length);
}

test.describe('event store in Chromium', () => {
  test('two pages appending at once keep one total order', async ({ page, context }) => {
    const db = `two-pages-${Date.now()}`;
    const other = await context.newPage();
    await Promise.all([openApp(page), openApp(other)]);
    await Promise.all(
      [page, other].map((p) => p.evaluate((name) => (window.__eventLab as unknown as H).openStore(name), db)),
    );

    const run = (p: Page, tab: string) =>
      p.evaluate(
        async ({ name, tab }) => {
          const h = window.__eventLab as unknown as H;
          const outcomes: { ok: boolean; ids: string[]; error?: string; position?: number }[] = [];
          for (let round = 0; round < 25; round++) {
            // Three appends issued together (one group commit): a shared stream, an own stream, and a
            // contended one with the revision just read (the other tab may get there first).
            const [last] = await h.readStream(name, 'contended', { direction: 'backwards', maxCount: 1 });
            const specs = [
              {
                streamId: 'shared',
                events: [0, 1, 2].map((i) => ({
                  eventId: `${tab}-s${round}-${i}`,
                  eventType: 'Shared',
                  data: { tab, round },
                })),
              },
              {
                streamId: `own-${tab}`,
                events: [{ eventId: `${tab}-o${round}`, eventType: 'Own', data: { round } }],
                expectedRevision: round === 0 ? ('no_stream' as const) : round - 1,
              },
              {
                streamId: 'contended',
                events: [0, 1].map((i) => ({
                  eventId: `${tab}-c${round}-${i}`,
                  eventType: 'Contended',
                  data: { tab, round },
                })),
                expectedRevision: last ? last.revision : ('no_stream' as const),
              },
            ];
            const res = await h.appendMany(name, specs);
            res.forEach((r, i) =>
              outcomes.push({
                ok: r.ok,
                ids: specs[i]!.events.map((e) => e.eventId),
                error: r.ok ? undefined : r.error.name,
                position: r.ok ? r.value.position : undefined,
              }),
            );
          }
          return outcomes;
        },
        { name: db, tab },
      );
    const [a, b] = await Promise.all([run(page, 'A'), run(other, 'B')]);

    const readAll = (p: Page) => p.evaluate((name) => (window.__eventLab as unknown as H).readAll(name), db);
    const all = await readAll(page);
    expect(await readAll(other)).toEqual(all);
    expectOneTotalOrder(all);

    const byId = new Map(all.map((e) => [`${e.streamId}/${e.eventId}`, e]));
    const stored = all.map((e) => e.eventId);
    for (const outcomes of [a, b]) {
      for (const o of outcomes) {
        if (o.ok) {
          // Every accepted append is stored whole, at consecutive positions ending where it said.
          const found = o.ids.map((id) => all.find((e) => e.eventId === id)!);
          expect(found.every(Boolean)).toBe(true);
          expect(found.map((e) => e.position)).toEqual(found.map((_, i) => o.position! - found.length + 1 + i));
        } else {
          // A rejected append wrote nothing, and was rejected for its expectation only.
          expect(o.error).toBe('WrongExpectedVersionError');
          expect(o.ids.some((id) => stored.includes(id))).toBe(false);
        }
      }
      // Only the contended stream may see conflicts; the rest always land.
      expect(outcomes.filter((o, i) => i % 3 !== 2 && !o.ok)).toEqual([]);
    }
    expect(byId.size).toBe(all.length);
    const contendedOk = [...a, ...b].filter((o, i) => i % 3 === 2 && o.ok).length;
    expect(all.filter((e) => e.streamId === 'contended').length).toBe(contendedOk * 2);
    expect(contendedOk).toBeGreaterThanOrEqual(25);
    expect(all.filter((e) => e.streamId === 'shared').length).toBe(2 * 25 * 3);
    await other.close();
  });

  test('reloading 20 times in the middle of a stream of appends loses no committed event and leaves no partial batch', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const db = `reload-${Date.now()}`;
    const key = `committed-${db}`;
    const streams = ['ride-a', 'ride-b', 'ride-c'];
    const batchSize = 7;
    await openApp(page);

    const check = async () => {
      const all = await page.evaluate((name) => (window.__eventLab as unknown as H).readAll(name), db);
      expectOneTotalOrder(all);
      const committed = await page.evaluate(
        ([k, ss]) => Object.fromEntries(ss.map((s) => [s, Number(localStorage.getItem(`${k}:${s}`) ?? -1)])),
        [key, streams] as const,
      );
      for (const s of streams) {
        const events = all.filter((e) => e.streamId === s);
        // Whole batches only, in order.
        expect(events.length % batchSize).toBe(0);
        expect(events.map((e) => e.eventId)).toEqual(
          events.map((_, i) => `${s}-b${Math.floor(i / batchSize)}-${i % batchSize}`),
        );
        // Every batch whose append resolved before the reload is there.
        expect(events.length / batchSize).toBeGreaterThanOrEqual(committed[s]! + 1);
      }
      return all.length;
    };

    let total = 0;
    for (let i = 0; i < 20; i++) {
      await page.evaluate((name) => (window.__eventLab as unknown as H).openStore(name), db);
      await page.evaluate(({ db, ...options }) => (window.__eventLab as unknown as H).startAppending(db, options), {
        db,
        streams,
        batchSize,
        key,
        payloadBytes: 200,
      });
      // Reload once a few more batches have committed: mid-stream, with appends in flight.
      await page.waitForFunction(
        ([k, ss, before]) =>
          ss.reduce((n, s) => n + Number(localStorage.getItem(`${k}:${s}`) ?? -1) + 1, 0) >=
          before + 3 + ((before * 7) % 5),
        [key, streams, total / batchSize] as const,
      );
      await page.reload();
      await openApp(page);
      await page.evaluate((name) => (window.__eventLab as unknown as H).openStore(name), db);
      const now = await check();
      expect(now).toBeGreaterThan(total);
      total = now;
    }
    const status = await page.evaluate(() => (window.__eventLab as unknown as H).appendingStatus());
    expect(status.error).toBeNull();
    expect(total).toBeGreaterThanOrEqual(20 * 3 * batchSize);
  });

  test('storage full (quota forced via the DevTools protocol) gives the clear message and keeps earlier events', async ({
    page,
    context,
  }, testInfo) => {
    // Chromium reads an origin's quota when the origin first touches storage: override it before the
    // app loads (1 MB: room for small events, not for a 4 MB one).
    const origin = new URL(String(testInfo.project.use.baseURL)).origin;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_000_000 });
    const db = `quota-${Date.now()}`;
    await openApp(page);
    await page.evaluate((name) => (window.__eventLab as unknown as H).openStore(name), db);
    for (let i = 0; i < 3; i++) {
      const r = await page.evaluate(
        ({ name, i }) =>
          (window.__eventLab as unknown as H).append(name, 'ride-1', [
            { eventId: `kept-${i}`, eventType: 'RideRequested', data: { i } },
          ]),
        { name: db, i },
      );
      expect(r.ok).toBe(true);
    }
    try {
      const big = await page.evaluate((name) => {
        // Random bytes: IndexedDB compresses values, so a repeated string would still fit.
        const blob = new Uint8Array(4_000_000);
        for (let i = 0; i < blob.length; i += 65_536) crypto.getRandomValues(blob.subarray(i, i + 65_536));
        return (window.__eventLab as unknown as H).append(name, 'ride-1', [
          { eventId: 'too-big', eventType: 'PhotoAttached', data: { blob } },
        ]);
      }, db);
      expect(big.ok).toBe(false);
      if (big.ok) return;
      expect(big.error.name).toBe('StorageFullError');
      expect(big.error.message).toContain('the event was not stored');
      expect(big.error.message).toContain('Events stored earlier are kept');
      const all = await page.evaluate((name) => (window.__eventLab as unknown as H).readAll(name), db);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3]);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    // The failed append reserved nothing: the next (small) one takes the next position.
    const after = await page.evaluate(
      (name) =>
        (window.__eventLab as unknown as H).append(
          name,
          'ride-1',
          [{ eventId: 'after', eventType: 'RideAccepted', data: {} }],
          2,
        ),
      db,
    );
    expect(after).toEqual({ ok: true, value: { nextExpectedRevision: 3, position: 4 } });
  });
});
