import { describe, expect, it } from 'vitest';
import type { Effect } from '../engine/types';
import { Stepper } from './stepper';
import { findBuiltin } from './content/index';
import { effectSentences, withoutIds } from './plainWords';

const processed = (memberId: string, partition: number, offset: number, reason: string, duplicate = false): Effect => ({
  kind: 'record-processed',
  groupId: 'billing',
  memberId,
  topic: 'orders',
  partition,
  offset,
  duplicate,
  reason,
});
const ID = '617c9b83-02e8-4b88-b3c5-d6880c8a0e55';

describe('effects in plain words', () => {
  it('leaves ids out: an event UUID and a message id become words', () => {
    expect(withoutIds(`billing-1 processed event ${ID} from orders-0@0`)).toBe(
      'billing-1 processed an event from orders-0@0',
    );
    expect(withoutIds('worker-1 took msg-fd7c17ac')).toBe('worker-1 took a message');
    expect(withoutIds(`${ID} was appended`)).toBe('An event was appended');
  });

  it('folds a batch processed by one member with one outcome into one sentence naming every place', () => {
    const effects = [
      processed('billing-1', 0, 0, `billing-1 processed event ${ID} from orders-0@0`),
      processed('billing-1', 1, 0, `billing-1 processed event ${ID} from orders-1@0`),
      processed('billing-2', 2, 0, `billing-2 processed event ${ID} from orders-2@0`),
      processed('billing-2', 2, 0, `billing-2 processed event ${ID} AGAIN (orders-2@0): a duplicate delivery`, true),
      processed('billing-2', 2, 1, `billing-2 processed event ${ID} AGAIN (orders-2@1): a duplicate delivery`, true),
      processed('billing-2', 2, 2, `billing-2 got event ${ID} again (orders-2@2) and skipped it`, true),
    ];
    expect(effectSentences(effects)).toEqual([
      'billing-1 processed 2 records (orders-0@0, orders-1@0).',
      'billing-2 processed 1 record (orders-2@0).',
      'billing-2 processed 2 records AGAIN (orders-2@0, orders-2@1): duplicate deliveries, so their side effects happen twice.',
      'billing-2 got 1 record again (orders-2@2) and skipped it: an idempotent consumer remembers processed event ids.',
    ]);
  });

  it("a branch's generated narration in a built-in names no event id", () => {
    const s = findBuiltin('pubsub-basics')!;
    const inputs = [{ kind: 'crash-consumer' as const, atStep: 3, groupId: 'billing', memberId: 'billing-1' }];
    const stepper = new Stepper(s, inputs);
    const texts = s.steps.map((_, k) => stepper.at(k + 1).narration).filter((n) => n.generated);
    expect(texts.length).toBeGreaterThan(0);
    for (const n of texts) expect(n.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
