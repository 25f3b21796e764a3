import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parse';
import { designOf, gradeAnswers, patchesOf, referenceAnswers } from './answers';
import { gradeSet } from '../brokerChoice/exercise';
import { BROKER_QUESTION_ID, brokerPoint } from './broker';
import { drawWhatIfs } from './prompt';
import { PROMPTS } from './prompts';
import { resolveRun } from './grade';
import { namesOf } from './patches';
import { runCheck } from './runs/runChecks';
import { scorecardOf } from './scorecard';

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
        const { design, result } = gradeAnswers(prompt, a);
        if (!result.ok) throw new Error(`${q.id}/${c.id}: ${JSON.stringify(result.issues)}`);
        // A what-if's wrong answer may fail only its own run, shown with the what-if on the scorecard.
        const own =
          !('stage' in q) && 'run' in q.check ? [runCheck(design, resolveRun(q.check.run, namesOf(c.patches!)))] : [];
        const failed = [...result.grade.rubric, ...result.grade.runs, ...own].filter((p) => !p.pass);
        expect(failed.length, `${q.id}/${c.id}`).toBeGreaterThan(0);
      }
  });

  it('answered with the reference, its scorecard passes every point, the broker pick included', () => {
    const card = scorecardOf(prompt, referenceAnswers(prompt), prompt.whatIfs);
    if (typeof card === 'string') throw new Error(card);
    for (const p of [...card.grade.rubric, ...card.grade.runs]) expect(p.pass, `${p.id}: ${p.feedback}`).toBe(true);
    expect(card.grade.rubric.map((p) => p.id)).toContain('broker');
  });

  it('asks for a broker in the topics stage, graded by the verdict table: every broker that fails a requirement is wrong and its point names the requirement and the reason', () => {
    const needs = prompt.brokers!;
    const q = prompt.questions.find((x) => x.id === BROKER_QUESTION_ID)!;
    expect(q.stage).toBe('topics');
    const grades = gradeSet({
      id: prompt.id,
      title: prompt.title,
      brief: prompt.brief,
      requirements: needs.requirements,
    });
    expect(q.choices.map((c) => c.id)).toEqual(grades.map((g) => g.profile));
    expect(q.choices.some((c) => c.correct) && q.choices.some((c) => !c.correct)).toBe(true);
    for (const c of q.choices) {
      const a = referenceAnswers(prompt);
      a.questions[BROKER_QUESTION_ID] = { choice: c.id };
      const point = brokerPoint(prompt, a)!;
      const failed = grades.find((g) => g.profile === c.id)!.failures;
      expect(c.correct, c.id).toBe(failed.length === 0);
      expect(point.pass, c.id).toBe(c.correct);
      for (const f of failed) expect(point.feedback).toContain(`${f.requirement.label}: ${f.verdict.why}`);
      expect(point.study.page).toBe('pick-a-broker');
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
