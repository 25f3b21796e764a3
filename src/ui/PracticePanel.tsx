import { useId, useState } from 'react';
import {
  comparePractice,
  decodePracticeAnswer,
  encodePracticeAnswer,
  practiceQuestionId,
  type PracticeQuestion,
} from '../scenarios/practice';
import { useRun, useRunChrome } from '../state/react';

/**
 * Practice mode: before watching, the learner answers the design questions in their own words;
 * then the reference answer is shown point by point against theirs.
 */
export function PracticePanel() {
  const chrome = useRunChrome();
  const practice = useRun((s) => s.scenario.practice);
  const answers = useRun((s) => s.answers);
  const step = useRun((s) => s.step);
  if (!practice) return null;
  const done = practice.questions.filter((q) => Object.hasOwn(answers, practiceQuestionId(q.id))).length;
  return (
    <details className="panel practice" open={step === 0 && done < practice.questions.length}>
      <summary>
        <h2>Practice: design it yourself first</h2>
        <span className="hint">
          {done} of {practice.questions.length} answered
        </span>
      </summary>
      <p>{practice.intro}</p>
      {practice.questions.map((q) => (
        <PracticeItem key={q.id} q={q} saved={decodePracticeAnswer(answers[practiceQuestionId(q.id)])} />
      ))}
      {chrome.ownership === 'builtin' && (
        <div className="practice-design">
          <h3>Or design it for real</h3>
          <p>
            Start a scenario of your own with this exercise’s question and an almost empty system, build your events,
            topics, keys and consumers in the design editor, run it, and compare it with this reference point by point.
          </p>
          <button type="button" className="primary" onClick={() => chrome.designOwn()}>
            Design your own answer
          </button>
        </div>
      )}
    </details>
  );
}

function PracticeItem({ q, saved }: { q: PracticeQuestion; saved: ReturnType<typeof decodePracticeAnswer> }) {
  const chrome = useRunChrome();
  const id = useId();
  const [choices, setChoices] = useState<string[]>(saved?.choices ?? []);
  const [text, setText] = useState(saved?.text ?? '');
  const [editing, setEditing] = useState(saved === null);
  const toggle = (c: string) => setChoices((xs) => (xs.includes(c) ? xs.filter((x) => x !== c) : [...xs, c]));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    chrome.answer(practiceQuestionId(q.id), encodePracticeAnswer({ choices, text: text.trim().slice(0, 4000) }));
    setEditing(false);
  };
  const cmp = saved && !editing ? comparePractice(q, saved) : null;
  const label = (cid: string) => q.choices?.find((c) => c.id === cid)?.text ?? cid;
  return (
    <section className="practice-q" aria-labelledby={`${id}-q`}>
      <h3 id={`${id}-q`}>{q.prompt}</h3>
      {!cmp ? (
        <form onSubmit={submit}>
          {q.choices && (
            <fieldset>
              <legend className="visually-hidden">Pick what you would include</legend>
              {q.choices.map((c) => (
                <label key={c.id} className="choice">
                  <input type="checkbox" checked={choices.includes(c.id)} onChange={() => toggle(c.id)} />{' '}
                  <span>{c.text}</span>
                </label>
              ))}
            </fieldset>
          )}
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
        <div className="comparison" role="status">
          {q.choices && (
            <ul className="choices-review">
              {cmp.agreed.map((c) => (
                <li key={c} className="right">
                  <span className="mark">✓ in both</span> {label(c)}
                </li>
              ))}
              {cmp.missed.map((c) => (
                <li key={c} className="missed">
                  <span className="mark">○ you left out</span> {label(c)}
                </li>
              ))}
              {cmp.extra.map((c) => (
                <li key={c} className="not-right">
                  <span className="mark">✗ not in the reference</span> {label(c)}
                </li>
              ))}
            </ul>
          )}
          <h4>Key points</h4>
          <ul className="points">
            {cmp.points.map((p) => (
              <li key={p.id} className={p.covered ? 'right' : 'missed'}>
                <span className="mark">{p.covered ? '✓ covered' : '○ not mentioned'}</span> {p.text}
              </li>
            ))}
          </ul>
          <h4>Reference answer</h4>
          <p>{q.reference}</p>
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit my answer
          </button>
        </div>
      )}
    </section>
  );
}
