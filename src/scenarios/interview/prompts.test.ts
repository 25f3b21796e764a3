import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parse';
import { designOf, gradeAnswers, patchesOf, referenceAnswers } from './answers';
import { drawWhatIfs } from './prompt';
import { PROMPTS } from './prompts';

describe.each(PROMPTS.map((p) => [p.id, p] as const))('prompt %s', (_id, prompt) => {
  it('its reference design passes the scenario loader', () => {
    const r = parseScenario(prompt.reference);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('answered with the reference, it builds the reference design and passes its own rubric and runs', () => {
    const answers = referenceAnswers(prompt);
    expect(patchesOf(prompt, answers)).toEqual([]);
    expect(designOf(prompt, answers).design).toEqual(prompt.reference);
    const { result } = gradeAnswers(prompt, answers);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const p of [...result.grade.rubric, ...result.grade.runs]) expect(p.pass, `${p.id}: ${p.feedback}`).toBe(true);
  });

  it('every wrong answer builds a design that still validates, and fails at least one point or run', () => {
    const all = [...prompt.questions, ...prompt.whatIfs];
    for (const q of all)
      for (const c of q.choices.filter((x) => !x.correct && x.patches)) {
        const a = referenceAnswers(prompt);
        if ('stage' in q) a.questions[q.id] = { choice: c.id };
        else a.whatIfs[q.id] = c.id;
        const { result } = gradeAnswers(prompt, a);
        if (!result.ok) throw new Error(`${q.id}/${c.id}: ${JSON.stringify(result.issues)}`);
        const failed = [...result.grade.rubric, ...result.grade.runs].filter((p) => !p.pass);
        expect(failed.length, `${q.id}/${c.id}`).toBeGreaterThan(0);
      }
  });

  it('has at least two relevant and one irrelevant requirement, and draws its what-ifs by seed', () => {
    expect(prompt.requirements.filter((r) => r.relevant).length).toBeGreaterThanOrEqual(2);
    expect(prompt.requirements.some((r) => !r.relevant)).toBe(true);
    const a = drawWhatIfs(prompt, 7, 3).map((w) => w.id);
    expect(drawWhatIfs(prompt, 7, 3).map((w) => w.id)).toEqual(a);
    expect(new Set(a).size).toBe(Math.min(3, prompt.whatIfs.length));
  });
});
