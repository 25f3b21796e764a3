/**
 * Once a run leaves its script, nothing from the script is shown as a fact of the run: a script step
 * is told from the run's own effects, the scripted text is kept as "the original story", and the
 * partitions and offsets the narration mentions exist in the world on screen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { allBuiltins, findBuiltin } from './content';
import type { ScenarioDef } from './schema';
import { withoutIds } from './plainWords';
import { Stepper } from './stepper';

/** "orders-0@1" / "orders-0" in a sentence: the partition must exist, the offset be in its log. */
function contradictions(text: string, s: ScenarioDef, world: ReturnType<Stepper['at']>['world']): string[] {
  const out: string[] = [];
  const topics = world.broker.topics;
  for (const m of text.matchAll(/\b([A-Za-z0-9._-]+)-(\d+)@(\d+)\b/g)) {
    const [, topic, p, offset] = m;
    const log = topics[topic!]?.partitions[Number(p)];
    if (!log) out.push(`${m[0]}: no such partition`);
    else if (Number(offset) >= log.logEndOffset) out.push(`${m[0]}: beyond the log end ${log.logEndOffset}`);
  }
  for (const t of s.topology.topics) {
    for (const m of text.matchAll(new RegExp(`\\b${t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\b`, 'g'))) {
      if (topics[t.name] && Number(m[1]) >= topics[t.name]!.partitions.length)
        out.push(`${m[0]}: ${t.name} has ${topics[t.name]!.partitions.length} partitions`);
    }
  }
  return out;
}

/** Learner actions that make sense in a scenario: produce, join, crash, grow a topic, reset a group. */
const actionsFor = (s: ScenarioDef) => {
  const topic = s.topology.topics[0]!;
  const group = s.topology.groups[0];
  const at = fc.integer({ min: 0, max: s.steps.length });
  const arbs: fc.Arbitrary<LearnerInput>[] = [
    fc.record({
      kind: fc.constant('produce' as const),
      atStep: at,
      topic: fc.constant(topic.name),
      key: fc.constantFrom('order-2', 'k', null),
      value: fc.constant('v'),
    }),
    fc.record({
      kind: fc.constant('add-partitions' as const),
      atStep: at,
      topic: fc.constant(topic.name),
      count: fc.constant(Math.min(64, topic.partitions + 1)),
    }),
  ];
  if (group) {
    arbs.push(
      fc.record({
        kind: fc.constant('add-consumer' as const),
        atStep: at,
        groupId: fc.constant(group.id),
        memberId: fc.constant('learner-1'),
      }),
    );
    if (group.members[0])
      arbs.push(
        fc.record({
          kind: fc.constant('crash-consumer' as const),
          atStep: at,
          groupId: fc.constant(group.id),
          memberId: fc.constantFrom(...group.members),
        }),
      );
    arbs.push(
      fc.record({
        kind: fc.constant('reset-group' as const),
        atStep: at,
        groupId: fc.constant(group.id),
        topic: fc.constant(group.topics[0]!),
        to: fc.constantFrom('earliest' as const, 'latest' as const),
      }),
    );
  }
  return fc.array(fc.oneof(...arbs), { minLength: 1, maxLength: 4 });
};

describe('narration after the run leaves its script', () => {
  it('the issue’s branch of Publish/subscribe basics: scripted claims are the original story, not facts', () => {
    const s = findBuiltin('pubsub-basics')!;
    const inputs: LearnerInput[] = [
      { kind: 'produce', atStep: 1, topic: 'orders', key: 'order-2', value: 'x' },
      { kind: 'crash-consumer', atStep: 3, groupId: 'billing', memberId: 'billing-1' },
      { kind: 'add-partitions', atStep: 4, topic: 'orders', count: 4 },
    ];
    const st = new Stepper(s, inputs);
    for (let k = 3; k <= st.lastStep; k++) {
      const { narration, effects, world } = st.at(k);
      // A step that played out as in the original keeps its authored text, which is true of it.
      expect(narration.generated, `step ${k}`).toBe(!st.playedAsWritten(k));
      if (st.entries[k - 1]!.kind === 'script' && narration.generated)
        for (const e of effects)
          // A processed record is told with its batch ("processed 3 records (orders-0@0, …)"); ids are left out;
          // a kind told three times or more is summarised in the text, every sentence kept in allEffects.
          expect([narration.text, ...(narration.allEffects ?? [])].join(' ')).toContain(
            e.kind === 'record-processed'
              ? `${e.topic}-${e.partition}@${e.offset}`
              : withoutIds(e.reason).trim().slice(1, 40),
          );
      expect(contradictions(narration.text, s, world), `step ${k}`).toEqual([]);
    }
    // billing-1 crashed: its scripted poll is told as what happened (it is no longer a member), and
    // the original story's sentence is offered as such, with the difference named.
    const poll = st.at(8).narration;
    expect(poll.title).toBe('In the original: billing-1 reads its partitions');
    // The lead is named apart, so the panel shows it as a label (NarrationPanel's muted "In the original:").
    expect(poll.titleLead).toBe('In the original');
    expect(poll.text).toMatch(/not a member/);
    expect(poll.original?.text).toMatch(/billing-1 polls/);
    expect(poll.original?.differences.length).toBeGreaterThan(0);
    // Before the first learner action the script is the story.
    expect(st.at(1).narration.generated).toBe(false);
    expect(st.at(1).narration.original).toBeUndefined();
  });

  for (const s of allBuiltins().filter((x) => x.topology.topics.length > 0)) {
    it(`${s.id}: with random learner actions, every step after the first is told from the run and contradicts no partition or offset`, () => {
      fc.assert(
        fc.property(actionsFor(s), (inputs) => {
          const st = new Stepper(s, inputs);
          const first = st.entries.findIndex((e) => e.kind === 'input');
          for (let k = first + 2; k <= st.lastStep; k++) {
            const { narration, world } = st.at(k);
            const entry = st.entries[k - 1]!;
            const same = st.playedAsWritten(k);
            if (!narration.title.endsWith('stopped')) expect(narration.generated, `${s.id} step ${k}`).toBe(!same);
            if (entry.kind === 'script' && same) {
              // The same effects as the original's step: the authored text is true of it.
              expect(narration).toEqual({ title: entry.step.title, text: entry.step.narration, generated: false });
            } else if (entry.kind === 'script' && !narration.title.endsWith('stopped')) {
              // Otherwise the heading says the authored one is the original's, and the text is this run's.
              expect(narration.title).toBe(`In the original: ${entry.step.title}`);
              expect(narration.original?.text).toBe(entry.step.narration);
              expect(narration.original?.differences.length, `${s.id} step ${k}`).toBeGreaterThan(0);
              if (entry.step.narration.length > 40) expect(narration.text.includes(entry.step.narration)).toBe(false);
            }
            // What the text quotes of the original story is labelled as such (and listed among the differences).
            const ours = (narration.original?.differences ?? [])
              .reduce((t, d) => t.split(d.original).join(''), narration.text)
              .replace(/\(in the original: [^)]*\)/g, '');
            expect(contradictions(ours, s, world), `${s.id} step ${k}: ${narration.text}`).toEqual([]);
          }
        }),
        { numRuns: 6, seed: 19 },
      );
    });
  }
});
