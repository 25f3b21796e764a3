import { useId, useState, type ReactNode } from 'react';
import {
  decodePracticeAnswer,
  decodeSelfAssessment,
  encodePracticeAnswer,
  encodeSelfAssessment,
  gradePractice,
  practiceQuestionId,
  selfAssessmentId,
  type PracticeAnswer,
  type PracticeQuestion,
  type SelfAssessment,
} from '../scenarios/practice';
import { useRun, useRunChrome } from '../state/react';
import { HintsUsedNote, PracticeHints } from './PracticeHints';
import { usePracticeGate } from './practiceGate';
import { useLearnerOrder } from './useLearnerOrder';
import './practice.css';

const NO_CHOICES: NonNullable<PracticeQuestion['choices']> = [];

type Practice = NonNullable<ReturnType<typeof usePractice>>;
const usePractice = () => useRun((s) => s.scenario.practice);

/**
 * Practice first: until the learner has watched any of the run, a scenario with practice questions
 * shows only them (the step's narration and the diagram describe the reference design, so they
 * would give the answers away). "Watch the reference run" shows the player. Not on a learner's own
 * copy (a fork or import keeps the practice part): that is their design, shown whole.
 */
export function PracticeGate({ children }: { children: ReactNode }) {
  const practice = usePractice();
  // The same choice as the header's actions and the shortcuts (practiceGate.ts): revealing here opens them too.
  const { gated, open, reveal } = usePracticeGate();
  if (!practice || !gated) return children;
  return (
    <section className="panel practice practice-first" aria-labelledby="practice-first-title">
      <h2 id="practice-first-title">Practice: design it yourself first</h2>
      <PracticeBody practice={practice} />
      <div className="practice-watch">
        <p className="hint">
          {open > 0
            ? `The run is the reference answer, so it stays hidden while ${open === 1 ? 'a question is' : `${open} questions are`} open.`
            : 'All answered. The run is the reference answer, step by step.'}
        </p>
        <button type="button" className={open > 0 ? undefined : 'primary'} onClick={reveal}>
          {open > 0 ? 'Skip the practice and watch the reference run' : 'Watch the reference run'}
        </button>
      </div>
    </section>
  );
}

/** The practice questions beside the run (once the learner watches it), to review or answer. */
export function PracticePanel() {
  const practice = usePractice();
  const answers = useRun((s) => s.answers);
  if (!practice) return null;
  const done = practice.questions.filter((q) => Object.hasOwn(answers, practiceQuestionId(q.id))).length;
  return (
    <details className="panel practice">
      <summary>
        <h2>Practice: design it yourself first</h2>
        <span className="hint">
          {done} of {practice.questions.length} answered
        </span>
      </summary>
      <PracticeBody practice={practice} />
    </details>
  );
}

function PracticeBody({ practice }: { practice: Practice }) {
  const chrome = useRunChrome();
  const answers = useRun((s) => s.answers);
  return (
    <>
      <p>{practice.intro}</p>
      {practice.questions.map((q) => (
        <PracticeItem
          key={q.id}
          q={q}
          saved={decodePracticeAnswer(answers[practiceQuestionId(q.id)])}
          assessed={decodeSelfAssessment(answers[selfAssessmentId(q.id)])}
        />
      ))}
      {chrome.ownership === 'builtin' && (
        <div className="practice-design">
          <h3>Or design it for real</h3>
          <p>
            Start a scenario of your own with this exercise’s question and an almost empty system, build your events,
            topics, keys and consumers in the design editor, then grade it: the simulator checks it against the mock
            interview’s rubric and runs it under faults (a duplicate delivery, a crash, two drivers accepting at once, a
            declined card). You can also compare it with this reference point by point.
          </p>
          <button type="button" className="primary" onClick={() => chrome.designOwn()}>
            Design your own answer
          </button>
        </div>
      )}
    </>
  );
}

interface ItemProps {
  q: PracticeQuestion;
  saved: PracticeAnswer | null;
  assessed: SelfAssessment;
}

function PracticeItem({ q, saved, assessed }: ItemProps) {
  const chrome = useRunChrome();
  const id = useId();
  const [choices, setChoices] = useState<string[]>(saved?.choices ?? []);
  const [text, setText] = useState(saved?.text ?? '');
  const [editing, setEditing] = useState(saved === null);
  // Shuffled per learner and question, the same on every visit: the reference's choices are not first by construction.
  const order = useLearnerOrder(q.choices ?? NO_CHOICES, practiceQuestionId(q.id));
  const toggle = (c: string) => setChoices((xs) => (xs.includes(c) ? xs.filter((x) => x !== c) : [...xs, c]));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    chrome.answer(practiceQuestionId(q.id), encodePracticeAnswer({ choices, text: text.trim().slice(0, 4000) }));
    setEditing(false);
  };
  return (
    <section className="practice-q" aria-labelledby={`${id}-q`}>
      <h3 id={`${id}-q`}>{q.prompt}</h3>
      {!saved || editing ? (
        <form onSubmit={submit}>
          {order.length > 0 && (
            <fieldset>
              <legend className="visually-hidden">Pick what you would include</legend>
              {order.map((c) => (
                <label key={c.id} className="choice">
                  <input type="checkbox" checked={choices.includes(c.id)} onChange={() => toggle(c.id)} />{' '}
                  <span>{c.text}</span>
                </label>
              ))}
            </fieldset>
          )}
          <PracticeHints q={q} />
          <label className="free-text">
            In your own words
            <textarea rows={3} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="question-actions">
            <button type="submit" className="primary" disabled={choices.length === 0 && !text.trim()}>
              Compare with the reference
            </button>
          </div>
        </form>
      ) : (
        <PracticeResult q={q} answer={saved} order={order} assessed={assessed} onEdit={() => setEditing(true)} />
      )}
    </section>
  );
}

function PracticeResult({
  q,
  answer,
  order,
  assessed,
  onEdit,
}: {
  q: PracticeQuestion;
  answer: PracticeAnswer;
  order: NonNullable<PracticeQuestion['choices']>;
  assessed: SelfAssessment;
  onEdit(): void;
}) {
  const chrome = useRunChrome();
  const grade = gradePractice(q, answer);
  const label = (cid: string) => order.find((c) => c.id === cid)?.text ?? cid;
  const judge = (pointId: string, v: 'yes' | 'no') =>
    chrome.answer(selfAssessmentId(q.id), encodeSelfAssessment({ ...assessed, [pointId]: v }));
  return (
    <div className="comparison">
      {grade.correct !== null && (
        <>
          <p
            className={`verdict ${grade.correct ? 'correct' : grade.agreed.length ? 'partly' : 'wrong'}`}
            role="status"
          >
            {grade.correct
              ? 'Your choices match the reference.'
              : `Your choices: ${grade.agreed.length} in the reference, ${grade.wrong.length} wrong, ${grade.missed.length} left out.`}
          </p>
          <ul className="choices-review">
            {grade.wrong.map((w) => (
              <li key={w.id} className="wrong">
                <span className="mark">✗ wrong</span> {label(w.id)}
                <p className="why">
                  <strong>Why not: </strong>
                  {w.why}
                </p>
              </li>
            ))}
            {grade.agreed.map((c) => (
              <li key={c} className="right">
                <span className="mark">✓ in the reference</span> {label(c)}
              </li>
            ))}
            {grade.missed.map((c) => (
              <li key={c} className="missed">
                <span className="mark">○ you left out</span> {label(c)}
              </li>
            ))}
          </ul>
        </>
      )}
      <HintsUsedNote q={q} />
      <div className="practice-side-by-side">
        <div>
          <h4>Your words</h4>
          {answer.text ? <p className="yours-text">{answer.text}</p> : <p className="hint">You wrote nothing here.</p>}
        </div>
        <div>
          <h4>Reference answer</h4>
          <p>{q.reference}</p>
        </div>
      </div>
      <h4>Judge your answer yourself</h4>
      <p className="hint">Nothing here grades your words: for each point, say whether your answer covered it.</p>
      <ul className="self-points">
        {q.points.map((p) => (
          <SelfPoint key={p.id} text={p.text} value={assessed[p.id]} onJudge={(v) => judge(p.id, v)} />
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onEdit}>
        Edit my answer
      </button>
    </div>
  );
}

function SelfPoint({
  text,
  value,
  onJudge,
}: {
  text: string;
  value: 'yes' | 'no' | undefined;
  onJudge(v: 'yes' | 'no'): void;
}) {
  const id = useId();
  return (
    <li className={value === 'yes' ? 'covered' : value === 'no' ? 'not-covered' : undefined}>
      <span id={id}>Did your answer cover: {text}</span>
      <span className="self-buttons" role="group" aria-labelledby={id}>
        <button type="button" aria-pressed={value === 'yes'} onClick={() => onJudge('yes')}>
          yes
        </button>
        <button type="button" aria-pressed={value === 'no'} onClick={() => onJudge('no')}>
          not quite
        </button>
      </span>
      {value && <span className="self-note">{value === 'yes' ? 'you judged: covered' : 'you judged: not quite'}</span>}
    </li>
  );
}
