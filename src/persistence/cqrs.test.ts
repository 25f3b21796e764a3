import { describe, expect, it } from 'vitest';
import { createProjectionRunner, createRelay, createUpcasterChain, handleCommand, loadAggregate } from '../engine/cqrs';
import {
  cmd,
  driverTally,
  revenue,
  rideAcceptedV1toV2,
  rideAggregate,
  ridesByStatus,
} from '../engine/cqrs/fixtures.testkit';
import type { RecordedEvent } from '../engine/types';
import { openRunDatabase } from './index';
import { uniqueDbName } from './testing';

const upcasters = createUpcasterChain([rideAcceptedV1toV2]);
const projections = [ridesByStatus, driverTally, revenue];

async function playRides(db: Awaited<ReturnType<typeof openRunDatabase>>, rides: number) {
  for (let i = 0; i < rides; i++) {
    const deps = { store: db.store, snapshots: db.snapshots, upcasters };
    await handleCommand(deps, rideAggregate, cmd('RequestRide', `ride-${i}`, { rider: `r${i}`, fare: i + 1 }));
    await handleCommand(deps, rideAggregate, cmd('AcceptRide', `ride-${i}`, { driver: i % 2 ? 'dan' : 'eve' }));
    if (i % 3 !== 0) await handleCommand(deps, rideAggregate, cmd('CompleteRide', `ride-${i}`, {}));
  }
}

describe('CQRS over IndexedDB (run database)', () => {
  it('two drivers accepting the same ride at once: one success, one clear rejection, one RideAccepted stored', async () => {
    const runId = uniqueDbName('race');
    const db = await openRunDatabase(runId);
    const deps = { store: db.store, upcasters };
    await handleCommand(deps, rideAggregate, cmd('RequestRide', 'ride-1', { rider: 'ann', fare: 9 }));
    const results = await Promise.all([
      handleCommand(deps, rideAggregate, cmd('AcceptRide', 'ride-1', { driver: 'dan' })),
      handleCommand(deps, rideAggregate, cmd('AcceptRide', 'ride-1', { driver: 'eve' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'rejected']);
    const loser = results.find((r) => r.status === 'rejected')!;
    expect(loser).toMatchObject({
      conflict: true,
      reason: expect.stringMatching(/^Conflict: another command changed ride-1 first/),
    });
    expect((await db.store.readStream('ride-1')).map((e) => e.eventType)).toEqual(['RideRequested', 'RideAccepted']);
    db.close();
  });

  it('projection checkpoints and read models survive a reload mid-stream: no event applied twice, none skipped, equal to a rebuild', async () => {
    const runId = uniqueDbName('proj');
    let db = await openRunDatabase(runId);
    await playRides(db, 6);
    const head = (await db.store.readAll()).length;
    const first = createProjectionRunner({
      store: db.store,
      checkpoints: db.checkpoints,
      projections,
      upcasters,
      batchSize: 4,
    });
    await first.start();
    // Apply only part of the log, then "reload" the tab.
    const partial = await db.store.readAll({ maxCount: 7 });
    for (const e of partial) await first.deliver(e);
    expect((await db.checkpoints.load('revenue'))?.position).toBe(7);
    db.close();

    db = await openRunDatabase(runId);
    const second = createProjectionRunner({
      store: db.store,
      checkpoints: db.checkpoints,
      projections,
      upcasters,
      batchSize: 4,
    });
    const effects = await second.catchUp();
    const positions = effects.flatMap((x) =>
      x.kind === 'projection-applied' || x.kind === 'projection-skipped' ? [x.position] : [],
    );
    expect(Math.min(...positions)).toBe(8);
    expect(positions.filter((p) => p === 8)).toHaveLength(3);
    const incremental = projections.map((p) => second.checkpoint(p.name));
    expect(incremental.every((c) => c.position === head)).toBe(true);
    await second.rebuild();
    expect(projections.map((p) => second.checkpoint(p.name))).toEqual(incremental);
    expect(second.checkpoint('driver-tally').state).toEqual({ dan: 3, eve: 3 });
    expect(second.checkpoint('revenue').state).toMatchObject({ requested: 6, total: 2 + 3 + 5 + 6 });
    // What is stored is what is in memory.
    for (const p of projections)
      expect(await db.checkpoints.load(p.name)).toEqual({ name: p.name, version: 1, ...second.checkpoint(p.name) });
    db.close();
  });

  it('checkpoint saves are all or nothing', async () => {
    const db = await openRunDatabase(uniqueDbName('cpatomic'));
    await db.checkpoints.save([{ name: 'a', version: 1, position: 1, state: { n: 1 } }]);
    await expect(
      db.checkpoints.save([
        { name: 'a', version: 1, position: 2, state: { n: 2 } },
        { name: 'b', version: 1, position: 2, state: { f: () => 1 } },
      ]),
    ).rejects.toThrow();
    expect(await db.checkpoints.load('a')).toEqual({ name: 'a', version: 1, position: 1, state: { n: 1 } });
    expect(await db.checkpoints.load('b')).toBeUndefined();
    db.close();
  });

  it('snapshots in IndexedDB: loading with them equals loading without, across a reload', async () => {
    const runId = uniqueDbName('snap');
    let db = await openRunDatabase(runId);
    const def = { ...rideAggregate, snapshotEvery: 2 };
    const deps = { store: db.store, snapshots: db.snapshots, upcasters };
    await handleCommand(deps, def, cmd('RequestRide', 'r', { rider: 'a', fare: 5 }));
    await handleCommand(deps, def, cmd('AcceptRide', 'r', { driver: 'dan' }));
    await handleCommand(deps, def, cmd('CompleteRide', 'r', {}));
    db.close();
    db = await openRunDatabase(runId);
    expect(await db.snapshots.load('r')).toMatchObject({ revision: 1, version: 1, state: { status: 'accepted' } });
    const a = await loadAggregate({ store: db.store, snapshots: db.snapshots, upcasters }, def, 'r');
    const b = await loadAggregate({ store: db.store, upcasters }, def, 'r');
    expect(a.eventsRead).toBe(1);
    expect(a.state).toEqual(b.state);
    expect(a.state).toMatchObject({ status: 'completed', driver: 'dan' });
    db.close();
  });

  it('the relay keeps its checkpoint in the run database: a restarted relay publishes only what it had not', async () => {
    const runId = uniqueDbName('relay');
    let db = await openRunDatabase(runId);
    await playRides(db, 2);
    const out: RecordedEvent[] = [];
    const relay = createRelay({ store: db.store, checkpoints: db.checkpoints, publish: (e) => void out.push(e) });
    await relay.pump(3);
    db.close();
    db = await openRunDatabase(runId);
    await db.store.appendToStream('ride-9', [
      { eventId: 'late', eventType: 'RideRequested', data: { rider: 'z', fare: 1 } },
    ]);
    const again = createRelay({ store: db.store, checkpoints: db.checkpoints, publish: (e) => void out.push(e) });
    await again.pump();
    const all = await db.store.readAll();
    expect(out.map((e) => e.position)).toEqual(all.map((e) => e.position));
    expect(out.at(-1)!.eventId).toBe('late');
    db.close();
  });
});
