import { describe, expect, it } from 'vitest';
import * as broker from '../engine/broker';
import { findBuiltin } from './content';
import { Stepper } from './stepper';

const scenario = findBuiltin('pubsub-basics')!;

describe('Publish/subscribe basics', () => {
  const stepper = new Stepper(scenario, []);
  const offsets = (k: number) => [0, 1, 2].map((p) => broker.logEndOffset(stepper.at(k).world.broker, 'orders', p));

  it('produces the expected offsets step by step', () => {
    expect(offsets(0)).toEqual([0, 0, 0]);
    expect(offsets(1)).toEqual([0, 1, 0]);
    expect(offsets(2)).toEqual([1, 1, 0]);
    expect(offsets(3)).toEqual([1, 1, 1]);
    expect(offsets(4)).toEqual([1, 2, 1]);
    expect(offsets(8)).toEqual([2, 2, 1]);
    expect(offsets(11)).toEqual([2, 3, 1]);
  });

  it('assigns billing partitions with the range assignor and analytics all three', () => {
    const { world } = stepper.at(0);
    expect(broker.assignmentOf(world.broker, 'billing', 'billing-1').map((tp) => tp.partition)).toEqual([0, 1]);
    expect(broker.assignmentOf(world.broker, 'billing', 'billing-2').map((tp) => tp.partition)).toEqual([2]);
    expect(broker.assignmentOf(world.broker, 'analytics', 'analytics-1').map((tp) => tp.partition)).toEqual([0, 1, 2]);
  });

  it('a direct producer writes to the broker only: nothing is stored, the records carry the events', () => {
    const { world } = stepper.at(stepper.lastStep);
    expect(world.log.events).toEqual([]);
    const records = [0, 1, 2].flatMap((p) => broker.recordsOf(world.broker, 'orders', p));
    expect(records.map((r) => [r.partition, r.offset, r.key, r.headers.eventType])).toEqual([
      [0, 0, 'order-2', 'OrderPlaced'],
      [0, 1, 'order-3', 'OrderPlaced'],
      [1, 0, 'order-1', 'OrderPlaced'],
      [1, 1, 'order-1', 'PaymentReceived'],
      [1, 2, 'order-1', 'OrderShipped'],
      [2, 0, 'order-4', 'OrderPlaced'],
    ]);
  });

  it('each publish appends one record that carries its event id, and stores nothing', () => {
    const { effects } = stepper.at(1);
    const appended = effects.find((e) => e.kind === 'record-appended');
    expect(effects.some((e) => e.kind === 'event-stored')).toBe(false);
    expect(appended).toMatchObject({ topic: 'orders', partition: 1, offset: 0, key: 'order-1' });
    expect(appended?.kind === 'record-appended' && appended.eventId).toBeTruthy();
  });

  it("a poll delivers only the member's own partitions, in partition order", () => {
    const fetched = stepper.at(5).effects.filter((e) => e.kind === 'records-fetched');
    expect(fetched.map((e) => e.kind === 'records-fetched' && [e.memberId, e.partition, e.offsets])).toEqual([
      ['billing-1', 0, [0]],
      ['billing-1', 1, [0, 1]],
    ]);
  });

  it('narrates every step from the script', () => {
    for (let k = 0; k <= stepper.lastStep; k++) {
      const n = stepper.at(k).narration;
      expect(n.generated).toBe(false);
      expect(n.text.length).toBeGreaterThan(40);
    }
  });
});
