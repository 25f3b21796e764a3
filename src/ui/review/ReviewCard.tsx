import { useEffect, useId, useState } from 'react';
import { questionConcepts } from '../../scenarios/questionConcepts';
import type { QuestionProgress } from '../../state/progress';
import { encodePracticeAnswer, gradePractice, type PracticeQuestion } from '../../scenarios/practice';
import { seededOrder } from '../../scenarios/practiceOrder';
import type { QuestionDef, ScenarioDef } from '../../scenarios/schema';
import { learnerSeed } from '../../state/progressSeed';
import { recordOutcome, savedScenarioFor } from '../../state/progressStore';
import { outcomeOf, stepQuestion } from './outcomeOf';
import { DESIGN_GRADE_ID, PracticeGradeReview } from '../PracticeGradeReview';

type Loaded =
  | { kind: 'step'; scenario: ScenarioDef; question: QuestionDef }
  | { kind: 'practice'; scenario: ScenarioDef; question: PracticeQuestion }
  | { kind: 'gone' };

/** The question as the scenario has it now, built in or saved (content is loaded only when a review starts). */
async function load(item: QuestionProgress): Promise<Loaded> {
  const { findBuiltin } = await import('../../scenarios/content');
  const scenario = findBuiltin(item.scenarioId) ?? (await savedScenarioFor(item.scenarioId));
  if (!scenario) return { kind: 'gone' };
  if (item.questionId.startsWith('practice:')) {
    const question = scenario.practice?.questions.find((q) => `practice:${q.id}` === item.questionId);
    return question ? { kind: 'practice', scenario, question } : { kind: 'gone' };
  }
  const found = stepQuestion(scenario, item.questionId);
  return found?.question.choices ? { kind: 'step', scenario, question: found.question } : { kind: 'gone' };
}

interface Props {
  item: QuestionProgress;
  scenarioTitle: string;
  hasNext: boolean;
  onDone(next: boolean): void;
}

/** One missed question asked again: answered here, graded like in the player, recorded back into the schedule. */
export function ReviewCard({ item, scenarioTitle, hasNext, onDone }: Props) {
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [result, setResult] = useState<{ correct: boolean; saved: boolean } | null>(null);
  useEffect(() => {
    void load(item).then(setLoaded, () => setLoaded({ kind: 'gone' }));
  }, [item]);
  // A design graded by the simulator is not asked again here: the learner grades the design again.
  if (item.questionId === DESIGN_GRADE_ID)
    return <PracticeGradeReview scenarioId={item.scenarioId} {...{ scenarioTitle, hasNext, onDone }} />;
  if (loaded === null) return <p className="hint">Loading the question…</p>;
  const href = `#/s/${encodeURIComponent(item.scenarioId)}/${item.step}`;
  if (loaded.kind === 'gone')
    return (
      <div>
        <p>This question is no longer in “{scenarioTitle}”.</p>
        <button type="button" onClick={() => onDone(hasNext)}>
          {hasNext ? 'Next question' : 'Close'}
        </button>
      </div>
    );
  const q = loaded.question;
  const multiple = loaded.kind === 'practice' || (loaded.kind === 'step' && (loaded.question.multiple ?? false));
  const choices = seededOrder<{ id: string; text: string }>(
    q.choices ?? [],
    learnerSeed(),
    `${item.scenarioId}/${item.questionId}`,
  );
  const toggle = (c: string) =>
    setPicked((p) => (multiple ? (p.includes(c) ? p.filter((x) => x !== c) : [...p, c]) : [c]));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const answer =
      loaded.kind === 'practice' ? encodePracticeAnswer({ choices: picked, text: '' }) : multiple ? picked : picked[0]!;
    const graded = outcomeOf(loaded.scenario, item.questionId, answer);
    if (!graded) return;
    void recordOutcome({
      scenarioId: item.scenarioId,
      questionId: item.questionId,
      step: graded.step,
      concepts: questionConcepts(loaded.scenario, item.questionId),
      correct: graded.correct,
    }).then(
      () => setResult({ correct: graded.correct, saved: true }),
      () => setResult({ correct: graded.correct, saved: false }),
    );
  };
  const practiceGrade =
    loaded.kind === 'practice' && result ? gradePractice(loaded.question, { choices: picked, text: '' }) : null;
  return (
    <article className="review-card" aria-labelledby={`${id}-q`}>
      {/* The question speaks of what its step shows ("While packer-a packed those 10"): the step is one click away. */}
      <p className="eyebrow">
        {scenarioTitle} ·{' '}
        <a
          href={href}
          aria-label={
            item.step === 0 ? `Open the practice of ${scenarioTitle}` : `Open step ${item.step} of ${scenarioTitle}`
          }
        >
          {item.step === 0 ? 'practice' : `step ${item.step}`}
        </a>
      </p>
      <h3 id={`${id}-q`}>{q.prompt}</h3>
      {!result ? (
        <form onSubmit={submit}>
          {loaded.kind === 'practice' && <p className="hint">Pick everything the reference design includes.</p>}
          <fieldset>
            <legend className="visually-hidden">{multiple ? 'Choose all that apply' : 'Choose one'}</legend>
            {choices.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${id}-choice`}
                  checked={picked.includes(c.id)}
                  onChange={() => toggle(c.id)}
                />{' '}
                <span>{c.text}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={picked.length === 0}>
            Answer
          </button>
        </form>
      ) : (
        <div role="status">
          <p className={`verdict ${result.correct ? 'correct' : 'wrong'}`}>
            {result.correct ? 'Correct — it comes back later than before.' : 'Not quite — it comes back soon.'}
          </p>
          {!result.saved && <p className="hint">This answer could not be stored on this device.</p>}
          {practiceGrade?.wrong.map((w) => (
            <p key={w.id}>
              <strong>Why not “{q.choices?.find((c) => c.id === w.id)?.text}”: </strong>
              {w.why}
            </p>
          ))}
          <p>{loaded.kind === 'step' ? loaded.question.explanation : loaded.question.reference}</p>
          <p className="review-next">
            <a href={href}>
              {item.step === 0 ? 'Open the practice in the player' : `Replay step ${item.step} in the player`}
            </a>
            <button type="button" onClick={() => onDone(hasNext)}>
              {hasNext ? 'Next question' : 'Done'}
            </button>
          </p>
        </div>
      )}
    </article>
  );
}
