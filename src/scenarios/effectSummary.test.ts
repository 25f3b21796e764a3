/**
 * A step's text summarises a kind of effect told three times or more (one sentence: the first example and
 * a count), keeps every sentence for the disclosure, and tells a kind seen once or twice in full.
 */
import { describe, expect, it } from 'vitest';
import type { Effect, LearnerInput } from '../engine/types';
import { findBuiltin } from './content';
import { summariseEffects } from './effectSummary';
import { Stepper } from './stepper';

const appended = (p: number): Effect =>
  ({ kind: 'record-appended', reason: `murmur2('customer-${p}') = ${p}, mod 3 = ${p % 3}` }) as unknown as Effect;
const stored = (n: number): Effect =>
  ({ kind: 'event-stored', reason: `accept ${n} stored as revision ${n}` }) as unknown as Effect;

describe('summariseEffects', () => {
  it('30 records appended are one sentence with a count; the full list keeps all 30 in order', () => {
    const effects = [stored(1), ...Array.from({ length: 30 }, (_, i) => appended(i + 1))];
    const { text, all } = summariseEffects(effects);
    expect(text).toBe("Accept 1 stored as revision 1. murmur2('customer-1') = 1, mod 3 = 1. And 29 more like it.");
    expect(all).toHaveLength(31);
    expect(all![30]).toBe("murmur2('customer-30') = 30, mod 3 = 0.");
  });

  it('a kind told twice stays in full (a race’s two stored accepts are the point), with no list beside it', () => {
    const { text, all } = summariseEffects([stored(2), appended(1), stored(3)]);
    expect(text).toBe(
      "Accept 2 stored as revision 2. murmur2('customer-1') = 1, mod 3 = 1. Accept 3 stored as revision 3.",
    );
    expect(all).toBeUndefined();
  });

  it('a Backpressure branch: no step’s text repeats the partitioner or the missing offset three times', () => {
    const s = findBuiltin('backpressure')!;
    const inputs: LearnerInput[] = [{ kind: 'produce', atStep: 1, topic: 'orders', key: 'customer-9', value: 'x' }];
    const st = new Stepper(s, inputs);
    let summarised = 0;
    for (let k = 2; k <= st.lastStep; k++) {
      const { narration } = st.at(k);
      expect(narration.text.toLowerCase().split('murmur2(').length - 1, `step ${k}`).toBeLessThanOrEqual(2);
      expect(narration.text.split('has no committed offset').length - 1, `step ${k}`).toBeLessThanOrEqual(2);
      if (narration.allEffects) {
        summarised++;
        expect(narration.text).toMatch(/And \d+ more like it\./);
      }
    }
    // The bursts of 30 orders (steps 2 and 4 of the story) are summarised.
    expect(summarised).toBeGreaterThan(0);
    const burst = st.at(3).narration;
    expect(burst.allEffects!.filter((x) => /murmur2\(/i.test(x)).length).toBe(30);
  });
});
