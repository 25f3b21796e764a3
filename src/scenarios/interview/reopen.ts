/**
 * A saved scorecard's design, rebuilt. The record keeps what rebuilds it — the prompt's version, the
 * what-ifs drawn and the learner's answers — since the design is the prompt's reference with the answers'
 * changes, built the same way every time (`answers.ts`). Stored data is checked like any input before it
 * is trusted: an old record, damaged answers, a prompt no longer offered or changed since each give the
 * sentence the scorecard shows instead of opening a run, never an exception.
 */
import type { Answers } from './answers';
import type { InterviewPrompt, WhatIf } from './prompt';
import { z } from '../zod';

/** What a scorecard record keeps to rebuild its design. */
export interface DesignRef {
  promptVersion: number;
  whatIfIds: string[];
  answers: Answers;
}

const Id = z.string().min(1).max(80);
const AnswersSchema = z.object({
  requirements: z.array(Id).max(40),
  questions: z.record(Id, z.union([z.object({ choice: Id }), z.object({ ownName: z.string().max(64) })])),
  picks: z.record(Id, z.array(Id).max(40)),
  whatIfs: z.record(Id, Id),
});
const DesignRefSchema = z.object({
  promptVersion: z.number().int().min(1).max(1_000_000),
  whatIfIds: z.array(Id).max(10),
  answers: AnswersSchema,
});

export const designRefOf = (prompt: InterviewPrompt, answers: Answers, whatIfs: readonly WhatIf[]): DesignRef => ({
  promptVersion: prompt.version,
  whatIfIds: whatIfs.map((w) => w.id),
  answers,
});

export type Rebuilt =
  { ok: true; prompt: InterviewPrompt; answers: Answers; whatIfs: WhatIf[] } | { ok: false; why: string };

/** Whether every answer names a question, choice, pick and what-if the prompt has. */
function answersFit(p: InterviewPrompt, a: Answers, whatIfIds: readonly string[]): boolean {
  const questions = new Map(p.questions.map((q) => [q.id, q]));
  const picks = new Map(p.picks.map((q) => [q.id, q]));
  const whatIfs = new Map(p.whatIfs.map((w) => [w.id, w]));
  const requirements = new Set(p.requirements.map((r) => r.id));
  return (
    a.requirements.every((r) => requirements.has(r)) &&
    Object.entries(a.questions).every(([id, ans]) => {
      const q = questions.get(id);
      return q && ('choice' in ans ? q.choices.some((c) => c.id === ans.choice) : q.ownName !== undefined);
    }) &&
    Object.entries(a.picks).every(([id, ids]) => {
      const q = picks.get(id);
      return q && ids.every((c) => q.choices.some((x) => x.id === c));
    }) &&
    whatIfIds.every((id) => whatIfs.has(id)) &&
    Object.entries(a.whatIfs).every(([id, c]) => whatIfs.get(id)?.choices.some((x) => x.id === c))
  );
}

/** The prompt, answers and what-ifs a saved scorecard was graded on, or why they cannot be had. */
export function rebuildOf(promptId: string, stored: unknown, prompts: readonly InterviewPrompt[]): Rebuilt {
  if (stored === undefined)
    return { ok: false, why: 'it was saved before scorecards kept the answers that rebuild their design' };
  const r = DesignRefSchema.safeParse(stored);
  if (!r.success) return { ok: false, why: 'the answers saved with it are damaged' };
  const prompt = prompts.find((p) => p.id === promptId);
  if (!prompt) return { ok: false, why: `the prompt “${promptId.slice(0, 80)}” is no longer offered` };
  if (prompt.version !== r.data.promptVersion)
    return {
      ok: false,
      why: `the prompt has changed since (graded on version ${r.data.promptVersion}, now ${prompt.version}), so your answers would not build the design that was graded`,
    };
  const answers = r.data.answers as Answers;
  if (!answersFit(prompt, answers, r.data.whatIfIds))
    return { ok: false, why: 'its answers name a question or choice the prompt does not have' };
  return { ok: true, prompt, answers, whatIfs: r.data.whatIfIds.map((id) => prompt.whatIfs.find((w) => w.id === id)!) };
}
