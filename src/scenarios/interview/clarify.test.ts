/**
 * The clarifying questions are scored: one rubric point, "Asked what changes the design", passing when every
 * essential question (its answer decides a part of the design) was asked and failing with the list of those left
 * out; questions not needed stay informational. Counted the same on the live scorecard and on its saved record,
 * and a record saved before the point existed still reopens and keeps its own total.
 */
import { describe, expect, it } from 'vitest';
import { referenceAnswers } from './answers';
import { CLARIFY_TITLE } from './clarify';
import { drawWhatIfs } from './prompt';
import { PROMPTS } from './prompts';
import { rideSharing } from './prompts/rideSharing';
import { rebuildOf } from './reopen';
import { scoreOf } from './score';
import { scorecardOf, type Scorecard } from './scorecard';

const card = (c: Scorecard | string): Scorecard => {
  if (typeof c === 'string') throw new Error(c);
  return c;
};
const clarifyOf = (c: Scorecard) => c.grade.rubric.find((p) => p.id === 'clarify');

describe('the clarifying questions’ point', () => {
  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s: every relevant question decides a point the prompt grades',
    (_, prompt) => {
      const graded = card(scorecardOf(prompt, referenceAnswers(prompt), [])).grade.rubric.map((p) => p.id);
      const relevant = prompt.requirements.filter((r) => r.relevant);
      expect(relevant.length).toBeGreaterThan(0);
      for (const r of relevant) expect(graded, r.id).toContain(r.decides);
      for (const r of prompt.requirements.filter((x) => !x.relevant)) expect(r.decides, r.id).toBeUndefined();
    },
  );

  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s: passes, first on the scorecard, when every essential question was asked',
    (_, prompt) => {
      const c = card(scorecardOf(prompt, referenceAnswers(prompt), []));
      const n = prompt.requirements.filter((r) => r.decides).length;
      expect(c.grade.rubric[0]).toMatchObject({
        id: 'clarify',
        title: CLARIFY_TITLE,
        pass: true,
        feedback: `You asked all ${n} questions whose answers change the design.`,
      });
    },
  );

  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s: asking only what is not needed fails, naming every essential question and no other',
    (_, prompt) => {
      const a = referenceAnswers(prompt);
      a.requirements = prompt.requirements.filter((r) => !r.relevant).map((r) => r.id);
      const point = clarifyOf(card(scorecardOf(prompt, a, [])))!;
      expect(point.pass).toBe(false);
      for (const r of prompt.requirements)
        if (r.decides) expect(point.feedback).toContain(`“${r.text}”`);
        else expect(point.feedback).not.toContain(r.text);
    },
  );

  it('asking a question not needed besides the essential ones still passes: it is informational', () => {
    const a = referenceAnswers(rideSharing);
    a.requirements = [...a.requirements, 'colours', 'ml'];
    const c = card(scorecardOf(rideSharing, a, []));
    expect(clarifyOf(c)?.pass).toBe(true);
    expect(c.requirements.irrelevant.map((r) => r.id)).toEqual(['colours', 'ml']);
  });

  it('one missed question: named in the sentence, and the study link is the lesson of what it decides', () => {
    const a = referenceAnswers(rideSharing);
    a.requirements = a.requirements.filter((id) => id !== 'declines');
    const c = card(scorecardOf(rideSharing, a, []));
    const point = clarifyOf(c)!;
    expect(point.feedback).toBe(
      'Not asked, though its answer changes the design: “What happens when a card is declined?”.',
    );
    expect(point.study).toEqual(c.grade.rubric.find((p) => p.id === 'payment-failure')!.study);
    expect(c.study).toEqual([point.study]);
    expect(c.score).toEqual({ passed: c.score.total - 1, total: c.score.total });
  });
});

describe('the live and the saved scorecard count the clarifying questions alike', () => {
  const whatIfs = drawWhatIfs(rideSharing, 3, 2);
  const a = referenceAnswers(rideSharing, whatIfs);
  a.requirements = ['one-driver'];
  const live = card(scorecardOf(rideSharing, a, whatIfs));
  // As a record keeps it (state/interviewStore.ts interviewRecordOf: every rubric point, run and what-if verdict),
  // through JSON as a backup would.
  const saved = JSON.parse(
    JSON.stringify({
      rubric: live.grade.rubric.map((p) => ({ id: p.id, title: p.title, pass: p.pass, feedback: p.feedback })),
      runs: live.grade.runs.map((r) => ({ id: r.id, pass: r.pass })),
      whatIfs: live.whatIfs.map((w) => ({ choice: w.choice, run: w.run && { pass: w.run.pass } })),
      design: live.rebuild,
    }),
  ) as Omit<Parameters<typeof scoreOf>[0], 'rubric'> & { rubric: { id: string; pass: boolean }[]; design: unknown };

  it('the same points and total', () => {
    expect(clarifyOf(live)?.pass).toBe(false);
    expect(scoreOf(saved)).toEqual(live.score);
  });

  it('a record saved before the point existed: its own points and total, and its design still rebuilds', () => {
    const before = { ...saved, rubric: saved.rubric.filter((p) => p.id !== 'clarify') };
    expect(scoreOf(before)).toEqual({ passed: live.score.passed, total: live.score.total - 1 });
    const r = rebuildOf('ride-sharing', before.design, PROMPTS);
    if (!r.ok) throw new Error(r.why);
    // Graded again (to open a run), it has the point: the runs it opens are the same.
    const again = card(scorecardOf(r.prompt, r.answers, r.whatIfs));
    expect(again.score).toEqual(live.score);
    expect(again.grade.runs.map((x) => [x.id, x.pass, x.openAt])).toEqual(
      live.grade.runs.map((x) => [x.id, x.pass, x.openAt]),
    );
  });
});
