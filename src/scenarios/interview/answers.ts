/**
 * The learner's answers → the design they describe (the reference with every wrong answer's changes)
 * and the grading key in their names; graded like any design.
 */
import { gradeDesign, resolveKey } from './grade';
import { applyPatches, namesOf, type DesignPatch } from './patches';
import type { InterviewPrompt } from './prompt';

export type Answer = { choice: string } | { ownName: string };

export interface Answers {
  /** Requirements picked in the clarify stage. */
  requirements: string[];
  questions: Record<string, Answer>;
  picks: Record<string, string[]>;
  whatIfs: Record<string, string>;
}

export const noAnswers = (): Answers => ({ requirements: [], questions: {}, picks: {}, whatIfs: {} });

/** The changes the answers make to the reference design, in stage order. */
export function patchesOf(prompt: InterviewPrompt, a: Answers): DesignPatch[] {
  const out: DesignPatch[] = [];
  for (const q of prompt.questions) {
    const ans = a.questions[q.id];
    if (!ans) continue;
    if ('ownName' in ans) {
      if (q.ownName && ans.ownName !== q.ownName.event)
        out.push({ op: 'rename-event', from: q.ownName.event, to: ans.ownName });
    } else out.push(...(q.choices.find((c) => c.id === ans.choice)?.patches ?? []));
  }
  for (const p of prompt.picks) {
    const picked = new Set(a.picks[p.id] ?? []);
    for (const c of p.choices) out.push(...(picked.has(c.id) ? (c.patches ?? []) : (c.ifLeftOut ?? [])));
  }
  for (const w of prompt.whatIfs) {
    const id = a.whatIfs[w.id];
    if (id) out.push(...(w.choices.find((c) => c.id === id)?.patches ?? []));
  }
  return out;
}

export function designOf(prompt: InterviewPrompt, a: Answers) {
  const patches = patchesOf(prompt, a);
  const design = applyPatches(prompt.reference, patches);
  return { design, key: resolveKey(prompt.key, namesOf(patches)) };
}

export function gradeAnswers(prompt: InterviewPrompt, a: Answers) {
  const { design, key } = designOf(prompt, a);
  return { design, key, result: gradeDesign(design, key, prompt.reference) };
}

/** The answers that rebuild the reference design: every right choice, every right pick. */
export function referenceAnswers(prompt: InterviewPrompt, whatIfs = prompt.whatIfs): Answers {
  return {
    requirements: prompt.requirements.filter((r) => r.relevant).map((r) => r.id),
    questions: Object.fromEntries(
      prompt.questions.map((q) => [q.id, { choice: q.choices.find((c) => c.correct)!.id }]),
    ),
    picks: Object.fromEntries(prompt.picks.map((p) => [p.id, p.choices.filter((c) => c.correct).map((c) => c.id)])),
    whatIfs: Object.fromEntries(whatIfs.map((w) => [w.id, w.choices.find((c) => c.correct)!.id])),
  };
}
