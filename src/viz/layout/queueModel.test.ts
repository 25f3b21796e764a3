import { describe, expect, it } from 'vitest';
import { createQueue, deliver, enqueue } from '../../engine/broker/queue';
import type { Effect } from '../../engine/types';
import { layoutQueues, summariseBody } from './queueModel';

describe('layoutQueues', () => {
  it('splits waiting from in-flight messages, names the holder and lists this step’s queue effects', () => {
    let q = createQueue({ name: 'tasks', visibilityTimeoutMs: 30_000 });
    const effects: Effect[] = [];
    for (const body of [{ eventType: 'OrderPlaced', data: { orderId: '42', customer: 'Ada' } }, 'plain text']) {
      const r = enqueue(q, body, 1_000);
      q = r.state;
      effects.push(...r.effects);
    }
    const d = deliver(q, 'worker-1', 2_000);
    q = d.state;
    effects.push(...d.effects, { kind: 'time-advanced', from: 0, to: 1, reason: 'time' });

    const [vm] = layoutQueues({ tasks: q }, { tasks: ['worker-1', 'worker-2'] }, effects, 12_000);
    expect(vm!.inFlight.map((m) => [m.messageId, m.heldBy, m.attempts, m.leaseLeftMs])).toEqual([
      ['m0', 'worker-1', 1, 20_000],
    ]);
    expect(vm!.waiting.map((m) => [m.messageId, m.summary, m.attempts])).toEqual([['m1', 'plain text', 0]]);
    expect(vm!.consumers).toEqual([
      { id: 'worker-1', holding: ['m0'] },
      { id: 'worker-2', holding: [] },
    ]);
    expect(vm!.events.map((e) => [e.kind, e.messageId])).toEqual([
      ['enqueued', 'm0'],
      ['enqueued', 'm1'],
      ['delivered', 'm0'],
    ]);
    expect(vm!.inFlight[0]!.touched).toBe(true);
  });

  it('summarises an event body by its type and first fields', () => {
    expect(summariseBody({ eventType: 'OrderPlaced', data: { orderId: 'o-1', customer: 'Ada', total: 3 } })).toBe(
      'OrderPlaced (o-1, Ada)',
    );
  });
});
