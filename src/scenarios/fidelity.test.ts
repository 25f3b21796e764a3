/**
 * Issue 13 (fidelity): what the built-ins and the generated narration say about producers, partitions
 * and commits must match Kafka (and the engine, whose tests cite Kafka's source for each rule).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as broker from '../engine/broker';
import { partitionForKey, hashKey, toPositive } from '../engine/broker/partitioner';
import { findBuiltin } from './content';
import { Stepper } from './stepper';
import type { LearnerInput } from '../engine/types';

const texts = (id: string): string => JSON.stringify(findBuiltin(id)!);

describe('built-in texts agree with Kafka', () => {
  it('a keyed partition is toPositive(murmur2) mod n, not murmur2 mod n (a negative hash shows the difference)', () => {
    // 'ride-88' hashes to a negative number: Java's % would give a negative "partition", Math.abs another one
    const h = hashKey('ride-88');
    expect(h).toBeLessThan(0);
    expect(partitionForKey('ride-88', 4)).toBe(toPositive(h) % 4);
    expect(toPositive(h) % 4).not.toBe(Math.abs(h) % 4);
    const format = readFileSync(new URL('./FORMAT.md', import.meta.url), 'utf8');
    expect(format).toMatch(/toPositive\(murmur2\(/);
    expect(format).not.toMatch(/= murmur2\(key\) mod partitions/);
    for (const id of ['pubsub-basics', 'partitions-keys-ordering', 'consumer-groups-rebalancing']) {
      expect(texts(id)).not.toMatch(/murmur2 of the key, modulo/);
    }
  });

  it('pubsub-basics does not promise exactly-once processing', () => {
    expect(texts('pubsub-basics')).not.toMatch(/exactly once/i);
    expect(texts('pubsub-basics')).toMatch(/at-least-once/);
  });

  it('the rebalancing scenario says where the member order really comes from and lists the rebalance triggers', () => {
    const t = texts('consumer-groups-rebalancing');
    expect(t).toMatch(/UUID/);
    expect(t).toMatch(/max\.poll\.interval\.ms/);
    expect(t).toMatch(/group\.instance\.id/);
    expect(t).toMatch(/KIP-429/);
    expect(t).toMatch(/group\.protocol=consumer/);
  });
});

describe('narration generated from effects', () => {
  const scenario = findBuiltin('pubsub-basics')!;
  const inputs: LearnerInput[] = [
    { kind: 'add-partitions', atStep: 4, topic: 'orders', count: 4 },
    { kind: 'produce', atStep: 5, topic: 'orders', key: 'order-1', value: 'x', producerId: 'checkout' },
  ];
  const stepper = new Stepper(scenario, inputs);

  it('adding partitions says producers keep the old count until their metadata refresh', () => {
    const k = [...Array(stepper.lastStep + 1).keys()].find((i) =>
      stepper.at(i).narration.title.startsWith('You grew'),
    )!;
    const { narration } = stepper.at(k);
    expect(narration.generated).toBe(true);
    expect(narration.text).toMatch(
      /keeps using toPositive\(murmur2\(key\)\) mod 3 until its next metadata refresh \(metadata\.max\.age\.ms, 5 minutes by default\)/,
    );
    expect(narration.text).not.toMatch(/new records use murmur2 mod 4/);
    const produced = stepper.at(k + 1);
    expect(produced.narration.title).toMatch(/You produced a record with key "order-1"/);
    // the checkout producer's metadata still says 3 partitions: order-1 stays on partition 1
    expect(partitionForKey('order-1', 3)).toBe(1);
    expect(broker.logEndOffset(produced.world.broker, 'orders', 1)).toBe(
      broker.logEndOffset(stepper.at(k).world.broker, 'orders', 1) + 1,
    );
    expect(produced.narration.text).toMatch(/still lists 3 partitions of 'orders', which now has 4/);
  });
});
