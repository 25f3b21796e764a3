/**
 * Answers compose: a what-if's patches never undo a stage answer's. Brute force over every prompt's wrong
 * stage answers (questions and picks) and every what-if answer: each rubric point the wrong stage answer
 * fails on its own still fails with the what-if answer added (issue 17: a declined charge left unhandled,
 * then "retry the call" on the provider timeout, must not be credited as handled).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../parse';
import { designOf, patchesOf, referenceAnswers, type Answers } from '../answers';
import { PROMPTS } from '../prompts';
import { rubricOf } from '.';

const seen = new Map<string, string[]>();

/** The rubric points the answers' design fails (the same changes are graded once). */
function failingPoints(prompt: (typeof PROMPTS)[number], a: Answers): string[] {
  const id = `${prompt.id} ${JSON.stringify(patchesOf(prompt, a))}`;
  const known = seen.get(id);
  if (known) return known;
  const { design, key } = designOf(prompt, a);
  const parsed = parseScenario(design);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const failed = rubricOf(parsed.scenario, key)
    .filter((p) => !p.pass)
    .map((p) => p.id);
  seen.set(id, failed);
  return failed;
}

/** Every wrong stage answer on its own: a question's wrong choice, or a pick's wrong choice taken or right one left out. */
function wrongStageAnswers(prompt: (typeof PROMPTS)[number]): { label: string; answers: Answers }[] {
  const out: { label: string; answers: Answers }[] = [];
  for (const q of prompt.questions)
    for (const c of q.choices.filter((x) => !x.correct)) {
      const a = referenceAnswers(prompt);
      a.questions[q.id] = { choice: c.id };
      out.push({ label: `${q.id}/${c.id}`, answers: a });
    }
  for (const p of prompt.picks)
    for (const c of p.choices) {
      const a = referenceAnswers(prompt);
      const picked = new Set(a.picks[p.id]);
      if (picked.has(c.id)) picked.delete(c.id);
      else picked.add(c.id);
      a.picks[p.id] = [...picked];
      out.push({ label: `${p.id}/${c.correct ? 'left out' : 'picked'} ${c.id}`, answers: a });
    }
  return out;
}

describe.each(PROMPTS.map((p) => [p.id, p] as const))('prompt %s: answers never undo each other', (_id, prompt) => {
  it("every wrong stage answer's failing rubric points still fail after any what-if answer", () => {
    let checked = 0;
    for (const stage of wrongStageAnswers(prompt)) {
      const alone = failingPoints(prompt, stage.answers);
      for (const w of prompt.whatIfs)
        for (const c of w.choices) {
          const a = structuredClone(stage.answers);
          a.whatIfs[w.id] = c.id;
          const withWhatIf = failingPoints(prompt, a);
          for (const id of alone) expect(withWhatIf, `${stage.label} + ${w.id}/${c.id}: ${id}`).toContain(id);
          checked += alone.length;
        }
    }
    // The brute force checked something: some wrong stage answer fails a rubric point in every prompt.
    expect(checked).toBeGreaterThan(0);
  }, 60_000);
});
