import type { LearnerInput } from '../../engine/types';
import type { ScenarioDef } from '../../scenarios/schema';
import type { Scorecard } from '../../scenarios/interview/scorecard';
import type { StudyLink } from '../../scenarios/interview/types';
import { RunRow } from './RunRow';
import { STAGES, duration } from './stages';
import type { Interview } from './useInterview';

const studyHref = (s: StudyLink) => `#/s/${encodeURIComponent(s.scenarioId)}/${s.step}`;
const Verdict = ({ pass }: { pass: boolean }) => (
  <span className={pass ? 'interview-pass' : 'interview-fail'}>{pass ? '✓ pass' : '✗ fail'}</span>
);

export type OpenRun = (design: ScenarioDef, inputs: LearnerInput[], step: number) => Promise<void>;

/** The scorecard: each rubric point, the runs (a failing one can be opened), the what-ifs, the time per stage, what to study. */
export function ScorecardView({
  iv,
  card,
  headingRef,
  onOpenRun,
  saved,
}: {
  iv: Interview;
  card: Scorecard;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onOpenRun?: OpenRun;
  saved: string;
}) {
  const open = onOpenRun && ((inputs: LearnerInput[], step: number) => onOpenRun(card.design, inputs, step));
  return (
    <section className="interview-scorecard" aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading" tabIndex={-1} ref={headingRef}>
        Scorecard: {card.score.passed} of {card.score.total} points
      </h2>
      <p className="interview-note">{saved}</p>
      <h3>The rubric, read from your design</h3>
      <table className="interview-table">
        <thead>
          <tr>
            <th scope="col">Point</th>
            <th scope="col">Result</th>
            <th scope="col">Why</th>
            <th scope="col">Study</th>
          </tr>
        </thead>
        <tbody>
          {card.grade.rubric.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.title}</th>
              <td>
                <Verdict pass={p.pass} />
              </td>
              <td>{p.feedback}</td>
              <td>
                <a href={studyHref(p.study)}>{p.study.title}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Your design, run under faults</h3>
      <ul className="interview-runs">
        {card.grade.runs.map((r) => (
          <RunRow key={r.id} run={r} studyHref={studyHref(r.study)} onOpen={open} />
        ))}
      </ul>
      <h3>What if…</h3>
      <ul className="interview-runs">
        {card.whatIfs.map((w) => (
          <li key={w.whatIf.id}>
            <p>
              <strong>{w.whatIf.prompt}</strong>
            </p>
            <p>
              {w.choice ? (
                <>
                  <Verdict pass={w.choice.correct} /> You answered: {w.choice.text}. {w.choice.why}
                </>
              ) : (
                'Not answered.'
              )}
            </p>
            {w.run ? (
              <ul className="interview-runs">
                <RunRow run={w.run} studyHref={studyHref(w.run.study)} onOpen={open} />
              </ul>
            ) : (
              <p>{w.notRun}</p>
            )}
          </li>
        ))}
      </ul>
      <h3>Clarifying questions</h3>
      <p>
        You asked {card.requirements.asked.length} of {card.requirements.asked.length + card.requirements.missed.length}{' '}
        questions that matter.
      </p>
      {card.requirements.missed.length + card.requirements.irrelevant.length > 0 && (
        <ul>
          {card.requirements.missed.map((q) => (
            <li key={q.id}>
              Not asked: “{q.text}” — {q.why}
            </li>
          ))}
          {card.requirements.irrelevant.map((q) => (
            <li key={q.id}>
              Not needed: “{q.text}” — {q.why}
            </li>
          ))}
        </ul>
      )}
      <h3>Time per stage</h3>
      <ul>
        {STAGES.map((s) => (
          <li key={s.id}>
            {s.title}: {duration(iv.times[s.id] ?? 0)}
          </li>
        ))}
      </ul>
      <h3>What to study next</h3>
      {card.study.length === 0 ? (
        <p>Every point passed. Try the other prompts, or the 45-minute length with three what-ifs.</p>
      ) : (
        <ul>
          {card.study.map((s) => (
            <li key={`${s.scenarioId}/${s.step}`}>
              <a href={studyHref(s)}>{s.title}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
