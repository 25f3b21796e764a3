import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';
import { poisonFate, whyPoisonNeverFails, type PoisonInput } from './poisonReach';

const at = (id: string, step: number, topic: string, key: string | null) => {
  const scenario = findBuiltin(id)!;
  const world = new Stepper(scenario, []).at(step).world;
  const poison: PoisonInput = { kind: 'poison-message', atStep: step, topic, key };
  return { scenario, world, poison, why: () => whyPoisonNeverFails(scenario, world, step, [poison], poison) };
};

describe('whether a poison record sent now fails in a later poll', () => {
  it('given a topic read later, when its key puts it where a later poll fetches it, then it fails there', () => {
    const { scenario, world, poison, why } = at('pubsub-basics', 4, 'orders', 'order-1');
    expect(why()).toBeNull();
    expect(poisonFate(scenario, [poison], 4, world)).toMatchObject({ topic: 'orders', failsAt: 6, gone: null });
  });

  it('given a partition no later poll reads (consumer groups: orders-2 after step 6), then it says so, and which key', () => {
    expect(at('consumer-groups-rebalancing', 6, 'orders', 'poison-1').why()).toBe(
      'Sent with key poison-1, the record would land in orders-2 at offset 1, and none of the later polls in this story fetches offset 1 of orders-2, so it would never fail. Try another key (the key decides the partition) or another topic.',
    );
  });

  it('given retention deletes it before the group polls again, then it says retention', () => {
    expect(at('offsets-lag-retention-replay', 9, 'payments', 'poison-1').why()).toMatch(
      /^Sent with key poison-1, the record would land in payments-1 at offset 1, and retention deletes it before any later poll fetches it, so it would never fail\./,
    );
  });

  it('given a topic no group reads, then the script alone says so (the branch is not run)', () => {
    expect(at('ride-sharing', 6, 'rider-notifications', 'poison-1').why()).toMatch(
      /^No consumer group reads rider-notifications in this story/,
    );
  });
});
