/** Share links: their size targets, what they reopen, and how a changed or damaged link is told. */
import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../../engine/types';
import { blankScenario } from '../blank';
import { allBuiltins, findBuiltin } from '../content';
import { forkScenario } from '../fork';
import type { ScenarioDef } from '../schema';
import { Stepper } from '../stepper';
import { contentVersion } from './contentVersion';
import { packText } from './shareCodec';
import { decodeShare, describeShareIssues, encodeShare, shareHash } from './shareLink';

/** Five learner actions a learner could take in this scenario (produce, add a partition, join, crash, reset). */
function fiveActions(s: ScenarioDef): LearnerInput[] {
  const topic = s.topology.topics[0]?.name;
  const group = s.topology.groups[0];
  const at = (k: number) => Math.min(k, s.steps.length);
  const out: LearnerInput[] = [];
  if (topic) out.push({ kind: 'produce', atStep: at(1), topic, key: 'order-2', value: 'a learner record' });
  if (topic)
    out.push({
      kind: 'add-partitions',
      atStep: at(2),
      topic,
      count: Math.min(64, s.topology.topics[0]!.partitions + 1),
    });
  if (group) out.push({ kind: 'add-consumer', atStep: at(3), groupId: group.id, memberId: 'learner-1' });
  if (group && group.members[0])
    out.push({ kind: 'crash-consumer', atStep: at(4), groupId: group.id, memberId: group.members[0] });
  if (group)
    out.push({ kind: 'reset-group', atStep: at(5), groupId: group.id, topic: group.topics[0]!, to: 'earliest' });
  while (topic && out.length < 5)
    out.push({ kind: 'produce', atStep: at(out.length + 1), topic, key: `k-${out.length}`, value: 'more' });
  return out;
}

describe('share links', () => {
  it.each(allBuiltins().map((s) => [s.id, s] as const))(
    '%s at its last step is its own address (≤ 200 characters)',
    async (_id, s) => {
      const hash = await shareHash({ scenario: s, inputs: [], step: s.steps.length });
      expect(hash).toBe(`#/s/${s.id}/${s.steps.length}`);
      expect(hash.length).toBeLessThanOrEqual(200);
    },
  );

  it.each(
    allBuiltins()
      .filter((s) => s.topology.topics.length > 0)
      .map((s) => [s.id, s] as const),
  )('%s: a branch with 5 learner actions fits in 600 characters and replays to the same world', async (_id, s) => {
    const inputs = fiveActions(s);
    expect(inputs).toHaveLength(5);
    const answers: LearnerInput[] = [{ kind: 'answer', atStep: 1, questionId: 'q', answer: 'mine' }];
    const step = s.steps.length + inputs.length;
    const hash = await shareHash({ scenario: s, inputs: [...inputs, ...answers], step });
    expect(hash.length).toBeLessThanOrEqual(600);
    const d = await decodeShare(hash);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    expect(d.scenario).toEqual(s);
    // Answers stay with whoever gave them; the story-changing actions travel.
    expect(d.inputs).toEqual(inputs);
    expect(d.step).toBe(step);
    expect(d.notice).toBeNull();
    expect(new Stepper(d.scenario, d.inputs).at(step).world).toEqual(new Stepper(s, inputs).at(step).world);
  });

  it('a ride-sharing fork with one added event type and one added step fits in 2,000 characters', async () => {
    const ride = findBuiltin('ride-sharing')!;
    const fork = forkScenario(ride, [], ride.steps.length, {
      id: 'ride-sharing-fork-1',
      title: 'Design a ride-sharing app (my fork)',
    });
    const mine: ScenarioDef = {
      ...fork,
      topology: {
        ...fork.topology,
        eventTypes: [
          ...(fork.topology.eventTypes ?? []),
          { name: 'TipAdded', schemaVersion: 1, fields: [{ name: 'amount', type: 'number' }] },
        ],
      },
      steps: [
        ...fork.steps,
        {
          title: 'A tip',
          narration: 'The rider adds a tip.',
          action: {
            kind: 'publish',
            producer: ride.topology.producers[0]!.id,
            topic: ride.topology.topics[0]!.name,
            event: { eventType: 'TipAdded', streamId: 'tip-1', key: 'ride-42', data: { amount: 2 } },
          },
        },
      ],
    };
    const hash = await shareHash({ scenario: mine, inputs: [], step: mine.steps.length });
    expect(hash.startsWith('#/share/')).toBe(true);
    expect(hash.length).toBeLessThanOrEqual(2000);
    const d = await decodeShare(hash);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    expect(d.scenario).toEqual(mine);
    expect(d.step).toBe(mine.steps.length);
    // Compressing and decoding the whole ride-sharing fork takes ~1 s alone and ~7 s on a loaded CI machine.
  }, 30_000);

  it('a blank design travels whole, with its branch inputs', async () => {
    const blank = blankScenario({ id: 'my-design-1', title: 'My design' });
    const hash = await shareHash({ scenario: blank, inputs: [], step: 1 });
    const d = await decodeShare(hash);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    expect(d.scenario).toEqual(blank);
    expect(d.step).toBe(1);
  });

  it('links of the first format (the whole scenario) still open at step 0', async () => {
    const s = allBuiltins()[0]!;
    const legacy = await packText(JSON.stringify(s));
    const d = await decodeShare(legacy);
    expect(d.ok && d.scenario).toEqual(s);
    expect(d.ok && d.step).toBe(0);
    const whole = await decodeShare(await encodeShare(s));
    expect(whole.ok && whole.scenario).toEqual(s);
  });

  it('a link made from an older version of a built-in opens with a notice, or says why it cannot', async () => {
    const s = findBuiltin('pubsub-basics')!;
    const inputs = fiveActions(s);
    const branch = await decodeShare(await packText(JSON.stringify({ v: 2, b: s.id, cv: 'old', i: inputs, s: 3 })));
    expect(branch.ok && branch.notice).toMatch(
      /made from an earlier version of “Publish\/subscribe basics”.*may differ/,
    );
    const fitting = await decodeShare(
      await packText(
        JSON.stringify({ v: 2, b: s.id, cv: 'old', p: [{ op: 'replace', path: '/title', value: 'Mine' }], s: 0 }),
      ),
    );
    expect(fitting.ok && fitting.scenario.title).toBe('Mine');
    expect(fitting.ok && fitting.notice).toMatch(/earlier version/);
    const misfit = await decodeShare(
      await packText(JSON.stringify({ v: 2, b: s.id, cv: 'old', p: [{ op: 'remove', path: '/steps/400' }], s: 0 })),
    );
    expect(misfit.ok).toBe(false);
    expect(!misfit.ok && misfit.issues[0]!.message).toMatch(/no longer fit the current version/);
    const current = await decodeShare(await packText(JSON.stringify({ v: 2, b: s.id, cv: contentVersion(s), s: 2 })));
    expect(current.ok && current.notice).toBeNull();
  });

  it('refuses hostile or damaged envelopes with a message, never a scenario', async () => {
    const s = findBuiltin('pubsub-basics')!;
    const cases: unknown[] = [
      { v: 2, b: 'no-such-scenario', cv: 'x', s: 0 },
      { v: 2, b: s.id, cv: contentVersion(s), p: [{ op: 'add', path: '/__proto__/polluted', value: true }], s: 0 },
      {
        v: 2,
        b: s.id,
        cv: contentVersion(s),
        p: [{ op: 'copy', from: '/constructor/prototype', path: '/title' }],
        s: 0,
      },
      {
        v: 2,
        b: s.id,
        cv: contentVersion(s),
        p: [{ op: 'replace', path: '/title', value: { html: '<b>x</b>' } }],
        s: 0,
      },
      { v: 2, b: s.id, cv: contentVersion(s), s: -1 },
      { v: 2, b: s.id, cv: contentVersion(s), s: 1e12 },
      {
        v: 2,
        b: s.id,
        cv: contentVersion(s),
        i: [{ kind: 'produce', atStep: 'x', topic: 'orders', key: null, value: 1 }],
        s: 0,
      },
      { v: 2, b: s.id, cv: contentVersion(s), d: s, s: 0 },
      { v: 3, s: 0 },
      { v: 2, s: 0 },
      [1, 2, 3],
    ];
    for (const c of cases) {
      const d = await decodeShare(await packText(JSON.stringify(c)));
      expect(d.ok, JSON.stringify(c)).toBe(false);
      if (!d.ok) expect(d.issues[0]!.message.length).toBeGreaterThan(10);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells a damaged link in the learner’s words, without a "(link):" path (#/share/garbage)', async () => {
    const d = await decodeShare('garbage');
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(describeShareIssues(d.issues)).toBe(
      'The share link is damaged: its data cannot be decompressed (was it cut or changed?)',
    );
    const inside = describeShareIssues([{ path: 'steps[2].action', message: 'unknown key "script"' }]);
    expect(inside).toBe('At steps[2].action: unknown key "script".');
  });
});
