import { useEffect, useId, useRef, useState } from 'react';
import { targetKind } from '../scenarios/choiceTargets';
import type { QuestionDef } from '../scenarios/schema';
import { usePlaybackActor, usePlaybackMode, useRun } from '../state/react';
import { questionNotAskedOf } from '../state/runStore';
import { useLearnerOrder } from './useLearnerOrder';

/** Marks an answer against the question's choices: which were right, which were missed. */
export function grade(q: QuestionDef, answer: string | string[]): 'correct' | 'partly' | 'wrong' | 'open' {
  if (!q.choices) return 'open';
  const chosen = new Set(Array.isArray(answer) ? answer : [answer]);
  const right = new Set(q.choices.filter((c) => c.correct).map((c) => c.id));
  const hits = [...chosen].filter((c) => right.has(c)).length;
  const wrong = [...chosen].filter((c) => !right.has(c)).length;
  if (hits === right.size && wrong === 0) return 'correct';
  return hits > 0 ? 'partly' : 'wrong';
}

const verdicts = {
  correct: 'Correct.',
  partly: 'Partly right.',
  wrong: 'Not quite.',
  open: 'Thanks — compare with this:',
} as const;

/** The current step's question: playback waits for an answer or a skip, then explains. */
export function QuestionPanel() {
  const question = useRun((s) => s.question);
  const answers = useRun((s) => s.answers);
  // A script question this run does not ask: its story went differently here (state/runStore.ts questionOf).
  const notAsked = useRun((s) => (s.question ? null : questionNotAskedOf(s.stepper, s.step)));
  const mode = usePlaybackMode();
  const actor = usePlaybackActor();
  if (notAsked)
    return (
      <section className="panel question not-asked" aria-label="Question not asked">
        <p className="hint" style={{ margin: 0 }}>
          {notAsked === 'reference'
            ? "This step's question is about the reference design's run, which went differently here — not asked."
            : "This step's question is about the original story, which went differently here — not asked."}
        </p>
      </section>
    );
  if (!question) return null;
  const given = Object.hasOwn(answers, question.id) ? answers[question.id]! : null;
  return (
    <QuestionForm
      key={question.id}
      question={question}
      given={given}
      asking={mode === 'asking'}
      onAnswer={(a) => actor.send({ type: 'ANSWER', questionId: question.id, answer: a })}
      onSkip={() => actor.send({ type: 'SKIP' })}
    />
  );
}

interface FormProps {
  question: QuestionDef;
  given: string | string[] | null;
  asking: boolean;
  onAnswer(answer: string | string[]): void;
  onSkip(): void;
}

const NO_CHOICES: NonNullable<QuestionDef['choices']> = [];

function QuestionForm({ question, given, asking, onAnswer, onSkip }: FormProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [skipped, setSkipped] = useState(false);
  const id = useId();
  // Shown in this learner's shuffled order: authors tend to write the right answer first.
  const order = useLearnerOrder(question.choices ?? NO_CHOICES, question.id);
  const multiple = question.multiple ?? false;
  const done = given !== null || skipped;
  const doneAtOpen = useRef(done);
  const panel = useRef<HTMLElement>(null);
  useBroughtIntoView(panel, `${id}-title`, asking);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (question.choices) {
      if (picked.length) onAnswer(multiple ? picked : picked[0]!);
    } else if (text.trim()) onAnswer(text.trim().slice(0, 2000));
  };
  const toggle = (choice: string) =>
    setPicked((p) => (multiple ? (p.includes(choice) ? p.filter((c) => c !== choice) : [...p, choice]) : [choice]));

  return (
    <section ref={panel} className={`panel question${asking ? ' is-asking' : ''}`} aria-labelledby={`${id}-title`}>
      <p className="eyebrow">{asking ? 'Question — playback waits for you' : 'Question'}</p>
      <h2 id={`${id}-title`}>{question.prompt}</h2>
      {!done && question.choices?.some((c) => c.target) && <p className="hint">{predictHint(question)}</p>}
      {!done ? (
        <form onSubmit={submit}>
          {question.choices ? (
            <fieldset>
              <legend className="visually-hidden">{multiple ? 'Choose all that apply' : 'Choose one'}</legend>
              {order.map((c) => (
                <label key={c.id} className="choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`${id}-choice`}
                    value={c.id}
                    checked={picked.includes(c.id)}
                    onChange={() => toggle(c.id)}
                  />
                  <span>{c.text}</span>
                </label>
              ))}
            </fieldset>
          ) : (
            <label className="free-text">
              Your answer
              <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} />
            </label>
          )}
          <div className="question-actions">
            <button type="submit" className="primary" disabled={question.choices ? picked.length === 0 : !text.trim()}>
              Answer
            </button>
            <button
              type="button"
              onClick={() => {
                setSkipped(true);
                onSkip();
              }}
            >
              Skip
            </button>
          </div>
        </form>
      ) : (
        <Explanation question={question} given={given} arrived={!doneAtOpen.current} />
      )}
    </section>
  );
}

/**
 * When the question starts waiting and its prompt is out of sight (below the fold, or scrolled away in
 * the side column's own scroll), it is brought into view: Play and Step forward have gone grey and
 * nothing else would say where to look. Asked once per wait; no motion when the learner asked for less.
 */
function useBroughtIntoView(panel: React.RefObject<HTMLElement | null>, promptId: string, asking: boolean) {
  useEffect(() => {
    const el = panel.current;
    const prompt = el?.ownerDocument.getElementById(promptId);
    if (!asking || !el || !prompt || typeof IntersectionObserver === 'undefined') return;
    const view = el.ownerDocument.defaultView;
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      if (!entry) return;
      // The sticky playback bar covers the top of the viewport: a prompt under it is out of sight too.
      const bar =
        parseFloat(view?.getComputedStyle(el.ownerDocument.documentElement).getPropertyValue('--playback-h') ?? '') ||
        0;
      if (entry.intersectionRatio >= 1 && entry.boundingClientRect.top >= bar) return;
      const still = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
      el.scrollIntoView?.({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    });
    observer.observe(prompt);
    return () => observer.disconnect();
  }, [panel, promptId, asking]);
}

/** What to click for a prediction answered on the diagram, by the kind of its targets. */
function predictHint(q: QuestionDef): string {
  const kinds = new Set(q.choices?.flatMap((c) => (c.target ? [targetKind(c.target)] : [])));
  const what =
    kinds.size !== 1
      ? 'click your answer'
      : kinds.has('partition')
        ? 'click the partition where you think it lands'
        : kinds.has('offset')
          ? 'click the offset you expect'
          : kinds.has('member')
            ? 'click the member you expect'
            : 'pick the row you expect in the read model';
  return `Predict on the diagram: ${what} — or choose below.`;
}

/**
 * The verdict, the learner's guess and why, then every choice marked and the question's explanation.
 * Answered here or on the diagram, the verdict and the guess are scrolled into view when the answer
 * arrives (not when a run opens already answered), so the feedback is where the learner looks next.
 */
function Explanation({
  question,
  given,
  arrived,
}: {
  question: QuestionDef;
  given: string | string[] | null;
  /** The answer (or skip) was given while this question was on screen, not before it opened. */
  arrived: boolean;
}) {
  const verdict = given === null ? null : grade(question, given);
  const chosen = new Set(given === null ? [] : Array.isArray(given) ? given : [given]);
  const head = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (arrived) head.current?.scrollIntoView?.({ block: 'nearest' });
  }, [arrived]);
  return (
    <div className="explanation" role="status">
      {/* Scrolled to below the sticky playback bar, whose height the bar publishes as --playback-h. */}
      <div ref={head} style={{ scrollMarginTop: 'calc(var(--playback-h, 6rem) + 0.75rem)' }}>
        {verdict && <p className={`verdict ${verdict}`}>{verdicts[verdict]}</p>}
        {question.choices
          ?.filter((c) => chosen.has(c.id))
          .map((c) => (
            <p key={c.id} className="your-guess">
              <strong>
                Your guess: {c.text} — {c.correct ? 'right' : 'wrong'}.
              </strong>
              {c.explanation && ` ${c.explanation}`}
            </p>
          ))}
      </div>
      {question.choices && (
        <ul className="choices-review">
          {question.choices.map((c) => (
            <li key={c.id} className={c.correct ? 'right' : 'not-right'}>
              <span className="mark">{c.correct ? '✓ right' : '✗ wrong'}</span> {c.text}
              {chosen.has(c.id) && <span className="yours"> (your choice)</span>}
            </li>
          ))}
        </ul>
      )}
      {!question.choices && typeof given === 'string' && <p className="yours-text">You wrote: “{given}”</p>}
      <p>{question.explanation}</p>
    </div>
  );
}
