/**
 * Predictions answered on the diagram, proved against the run: for every built-in question whose
 * choices are targets, step the scenario with no learner input and check that the correct choice's
 * target is what happens at the next step (where the record lands, where an offset is committed or a
 * record appended, which member owns the partition asked about, which row of a read model changes) and that no
 * wrong choice's target is. Also: each target is on screen when the question is asked, every choice
 * explains itself, and at least a third of each built-in's questions are answered on the diagram.
 */
import { describe, expect, it } from 'vitest';
import type { Effect } from '../engine/types';
import { targetKind } from './choiceTargets';
import { allBuiltins } from './content';
import type { ChoiceTargetDef, QuestionDef, ScenarioDef } from './schema';
import { Stepper } from './stepper';
import type { World } from './world';

interface Asked {
  where: string;
  scenario: ScenarioDef;
  /** Script index of the step that asks (the run shows it at step index + 1). */
  index: number;
  question: QuestionDef;
}

const onDiagram = (q: QuestionDef) => q.choices?.some((c) => c.target) ?? false;

const asked: Asked[] = allBuiltins().flatMap((scenario) =>
  scenario.steps.flatMap((step, index) =>
    step.question && onDiagram(step.question)
      ? [{ where: `${scenario.id} steps[${index}] (${step.question.id})`, scenario, index, question: step.question }]
      : [],
  ),
);

const label = (t: ChoiceTargetDef) => JSON.stringify(t);

/** Whether the target's element is drawn in the world the question is asked in. */
function onScreen(w: World, t: ChoiceTargetDef): boolean {
  if ('readModel' in t) return Object.hasOwn(w.projections[t.readModel]?.rows ?? {}, t.row);
  if ('group' in t) return Object.hasOwn(w.broker.groups[t.group]?.members ?? {}, t.member);
  const log = w.broker.topics[t.topic];
  if (!log || t.partition >= log.partitions.length) return false;
  // An offset is drawn from the log start to the slot after the last record (the log-end offset).
  const p = log.partitions[t.partition]!;
  return !('offset' in t) || (t.offset >= p.logStartOffset && t.offset <= p.logEndOffset);
}

/**
 * What each member prediction asks about: the member that owns this partition after the next step is
 * the right answer. A new member prediction must say here which partition it is about.
 */
const MEMBER_QUESTIONS: Readonly<Record<string, { topic: string; partition: number }>> = {
  'predict-owner-after-eviction': { topic: 'orders', partition: 2 },
  'loyalty-owner-after-crash': { topic: 'orders', partition: 0 },
  'owner-after-scale-out': { topic: 'orders', partition: 1 },
  'who-owns-orders-2': { topic: 'orders', partition: 2 },
};

/** Whether the next step makes the target true (see the file's comment). */
function happens(
  questionId: string,
  before: World,
  after: World,
  effects: readonly Effect[],
  t: ChoiceTargetDef,
): boolean {
  if ('readModel' in t)
    return (
      JSON.stringify(before.projections[t.readModel]?.rows[t.row] ?? null) !==
      JSON.stringify(after.projections[t.readModel]?.rows[t.row] ?? null)
    );
  if ('group' in t) {
    const about = MEMBER_QUESTIONS[questionId];
    if (!about) throw new Error(`${questionId}: add the partition it asks about to MEMBER_QUESTIONS`);
    const owned = after.broker.groups[t.group]?.members[t.member]?.assignment ?? [];
    return owned.some((x) => x.topic === about.topic && x.partition === about.partition);
  }
  if (!('offset' in t))
    return effects.some((e) => e.kind === 'record-appended' && e.topic === t.topic && e.partition === t.partition);
  return effects.some(
    (e) =>
      (e.kind === 'record-appended' || e.kind === 'offset-committed') &&
      e.topic === t.topic &&
      e.partition === t.partition &&
      e.offset === t.offset,
  );
}

describe('predictions answered on the diagram', () => {
  it('every built-in asks them: at least a third of its questions', () => {
    // A target names a topic's partition or offset, a group's member or a read model's row: a scenario with
    // none of them (only replicated topics, drawn by the replicas view) has nothing on the diagram to click.
    const targetable = allBuiltins().filter((s) => s.topology.topics.length > 0 || s.topology.projections?.length);
    const short = targetable.flatMap((s) => {
      const qs = s.steps.flatMap((x) => (x.question ? [x.question] : []));
      const n = qs.filter(onDiagram).length;
      return n * 3 >= qs.length && n > 0 ? [] : [`${s.id}: ${n} of ${qs.length} on the diagram`];
    });
    expect(short).toEqual([]);
  });

  it('each one is a question about the next step, with one kind of target on every choice, each explained', () => {
    const bad = asked.flatMap(({ where, scenario, index, question }) => {
      const cs = question.choices!;
      const out: string[] = [];
      if (index + 1 >= scenario.steps.length) out.push(`${where}: asked at the last step, nothing follows`);
      if (!cs.every((c) => c.target)) out.push(`${where}: some choices have no target`);
      if (new Set(cs.map((c) => (c.target ? targetKind(c.target) : ''))).size > 1) out.push(`${where}: mixed kinds`);
      for (const c of cs) if (!c.explanation) out.push(`${where}: choice ${c.id} does not say why`);
      return out;
    });
    expect(bad).toEqual([]);
  });

  it("the correct choice's target is what happens at the next step, and no wrong choice's is", () => {
    expect(asked.length).toBeGreaterThanOrEqual(22);
    expect(asked.flatMap(disagreements)).toEqual([]);
  });

  it('a target marked correct that does not happen is caught, for every kind', () => {
    const kinds = new Set<string>();
    for (const a of asked) {
      const kind = targetKind(a.question.choices![0]!.target!);
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      // The same question with right and wrong swapped: every choice now disagrees with the run.
      const swapped = { ...a.question, choices: a.question.choices!.map((c) => ({ ...c, correct: !c.correct })) };
      expect(disagreements({ ...a, question: swapped })).toHaveLength(swapped.choices.length);
    }
    expect([...kinds].sort()).toEqual(['member', 'offset', 'partition', 'row']);
  });
});

/** What the run says against a question's choices: targets not on screen, choices marked against what happens. */
function disagreements({ where, scenario, index, question }: Asked): string[] {
  const stepper = new Stepper(scenario, []);
  const before = stepper.at(index + 1).world;
  const next = stepper.at(index + 2);
  return question.choices!.flatMap((c) => {
    const t = c.target!;
    const out: string[] = [];
    if (!onScreen(before, t)) out.push(`${where}: ${label(t)} is not on screen when asked`);
    if (happens(question.id, before, next.world, next.effects, t) !== c.correct)
      out.push(`${where}: choice ${c.id} ${label(t)} is marked ${c.correct ? 'correct' : 'wrong'}, the run disagrees`);
    return out;
  });
}
