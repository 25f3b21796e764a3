/**
 * "Run it for real" on RabbitMQ: the exported project runs against the test node and reproduces the
 * simulator's deliveries (each group the same records, the same order per key), as its printout and
 * result.json say.
 */
import { describe, expect, inject, it } from 'vitest';
import { hostileRun, recordsFor, runExport } from './runExport';

const rabbit = (scenarioId: string) => runExport(scenarioId, 'rabbitmq', { RABBITMQ_URL: inject('rabbitmqUrl') });

describe('the RabbitMQ export against a real RabbitMQ', () => {
  it('Publish/subscribe basics: four keys, two groups, each group gets all six records as in the simulator', async () => {
    const r = await rabbit('pubsub-basics');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.result!.same).toBe(true);
    for (const g of r.result!.groups) {
      expect(g.real).toEqual([1, 2, 3, 4, 5, 6]); // a queue keeps publish order
      expect([...g.simulator].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    }
    expect(r.result!.groups.map((g) => g.id)).toEqual(['billing', 'analytics']);
    expect(r.stdout).toContain('exchange eventlab.topic.orders → billing (billing-1 on queue eventlab.group.billing)');
    expect(r.stdout).toMatch(/SAME: every group received the same records/);
  });

  it('Log vs queue and Schema evolution: same records per group, same order per key', async () => {
    for (const id of ['log-vs-queue', 'schema-evolution']) {
      const r = await rabbit(id);
      expect({ id, exitCode: r.exitCode, same: r.result?.same }).toEqual({ id, exitCode: 0, same: true });
      for (const g of r.result!.groups) expect(g.real).toEqual(recordsFor(r.run, g.id));
    }
  });

  it('Consumer groups and rebalancing: records the simulated fraud group never reached are named, not hidden', async () => {
    const r = await rabbit('consumer-groups-rebalancing');
    expect(r.exitCode).toBe(1);
    expect(r.result!.same).toBe(false);
    const fraud = r.result!.groups.find((g) => g.id === 'fraud')!;
    expect(fraud.missing).toEqual([]);
    expect(fraud.extra).toHaveLength(2);
    expect(r.result!.groups.find((g) => g.id === 'shipping')).toMatchObject({ missing: [], extra: [], orderDiffs: [] });
    expect(r.stdout).toContain('the simulated group had not received them when the scenario ended');
  });

  it('hostile names and keys stay data: reserved and colliding topic names, a key with quotes, newlines and wildcards', async () => {
    const r = await runExport(hostileRun(), 'rabbitmq', { RABBITMQ_URL: inject('rabbitmqUrl') });
    expect(r.stderr).toBe('');
    expect({ exitCode: r.exitCode, same: r.result?.same }).toEqual({ exitCode: 0, same: true });
    expect(r.result!.groups[0]!.real).toEqual([1, 2, 3]);
  });
});
