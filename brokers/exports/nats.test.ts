/**
 * "Run it for real" on NATS JetStream: the exported project runs against the test nats-server and reproduces
 * the simulator's deliveries (each group the same records, the same order per key).
 */
import { describe, expect, inject, it } from 'vitest';
import { hostileRun, recordsFor, runExport } from './runExport';

const nats = (scenarioId: string) => runExport(scenarioId, 'nats', { NATS_URL: inject('natsUrl') });

describe('the NATS JetStream export against a real nats-server', () => {
  it('Publish/subscribe basics: four keys, two groups, each group gets all six records as in the simulator', async () => {
    const r = await nats('pubsub-basics');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.result!.same).toBe(true);
    for (const g of r.result!.groups) expect(g.real).toEqual([1, 2, 3, 4, 5, 6]); // a stream keeps one order
    expect(r.stdout).toContain('stream eventlab-orders seq 1, subject eventlab.orders.order-1');
    expect(r.stdout).toMatch(/SAME: every group received the same records/);
  });

  it('Log vs queue and Schema evolution: same records per group, same order per key', async () => {
    for (const id of ['log-vs-queue', 'schema-evolution']) {
      const r = await nats(id);
      expect({ id, exitCode: r.exitCode, same: r.result?.same }).toEqual({ id, exitCode: 0, same: true });
      for (const g of r.result!.groups) expect(g.real).toEqual(recordsFor(r.run, g.id));
    }
  });

  it('a second run of the same project starts from fresh streams and counts nothing of the first', async () => {
    await nats('pubsub-basics');
    const again = await nats('pubsub-basics');
    expect(again.result).toMatchObject({ same: true, ignored: 0 });
  });

  it('hostile names and keys stay data: reserved and colliding topic names, a key with quotes, newlines and wildcards', async () => {
    const r = await runExport(hostileRun(), 'nats', { NATS_URL: inject('natsUrl') });
    expect(r.stderr).toBe('');
    expect({ exitCode: r.exitCode, same: r.result?.same }).toEqual({ exitCode: 0, same: true });
    // Three topics are three streams, read side by side: no order between them (per key, there is one).
    expect([...r.result!.groups[0]!.real].sort()).toEqual([1, 2, 3]);
  });
});
