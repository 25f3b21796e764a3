import type { LearnerInput } from '../../engine/types';
import { scoreOf, type InterviewRecord } from '../../state/interviewStore';
import type { ScenarioDef } from '../../scenarios/schema';
import type { Scorecard } from '../../scenarios/interview/scorecard';
import { RunRow } from './RunRow';
import { STAGES, duration } from './stages';

const studyHref = (s: { scenarioId: string; step: number }) => `#/s/${encodeURIComponent(s.scenarioId)}/${s.step}`;
const Verdict = ({ pass }: { pass: boolean }) => (
  <span className={pass ? 'interview-pass' : 'interview-fail'}>{pass ? '✓ pass' : '✗ fail'}</span>
);

export type OpenRun = (design: ScenarioDef, inputs: LearnerInput[], step: number) => Promise<void>;

/**
 * A scorecard, read from its stored record (the one implementation for the scorecard just finished and a
 * saved one): each rubric point, the runs, the what-ifs, the time per stage, what to study. `live` is the
 * scorecard on screen: its failing runs can be opened, and it has the clarifying questions.
 */
export function ScorecardView({
  record,
  live,
  headingRef,
  saved,
  heading,
}: {
  record: InterviewRecord;
  live?: { card: Scorecard; onOpenRun?: OpenRun };
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  /** Whether it is saved on this device (or why not). */
  saved: string;
  heading: string;
}) {
  const score = scoreOf(record);
  const onOpenRun = live?.onOpenRun;
  const open =
    live && onOpenRun
      ? (run: { inputs: LearnerInput[]; openAt: number }) => () => onOpenRun(live.card.design, run.inputs, run.openAt)
      : null;
  const card = live?.card;
  return (
    <section className="interview-scorecard" aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading" tabIndex={-1} ref={headingRef}>
        {heading}: {score.passed} of {score.total} points
      </h2>
      <p className="interview-note" role="status">
        {saved}
      </p>
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
          {record.rubric.map((p) => (
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
        {record.runs.map((r, i) => {
          const liveRun = card?.grade.runs[i];
          return (
            <RunRow
              key={r.id}
              run={r}
              studyHref={studyHref(r.study)}
              openAt={liveRun?.openAt}
              onOpen={open && liveRun ? open(liveRun) : undefined}
            />
          );
        })}
      </ul>
      <h3>What if…</h3>
      <ul className="interview-runs">
        {record.whatIfs.map((w, i) => {
          const liveRun = card?.whatIfs[i]?.run;
          return (
            <li key={i}>
              <p>
                <strong>{w.prompt}</strong>
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
                  <RunRow
                    run={liveRun ?? w.run}
                    studyHref={liveRun ? studyHref(liveRun.study) : undefined}
                    openAt={liveRun?.openAt}
                    onOpen={open && liveRun ? open(liveRun) : undefined}
                  />
                </ul>
              ) : (
                <p>{w.notRun}</p>
              )}
            </li>
          );
        })}
      </ul>
      {card && (
        <>
          <h3>Clarifying questions</h3>
          <p>
            You asked {card.requirements.asked.length} of{' '}
            {card.requirements.asked.length + card.requirements.missed.length} questions that matter.
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
        </>
      )}
      <h3>Time per stage</h3>
      <ul>
        {STAGES.map((s) => (
          <li key={s.id}>
            {s.title}: {duration(record.stageTimes[s.id])}
          </li>
        ))}
      </ul>
      <h3>What to study next</h3>
      {record.study.length === 0 ? (
        <p>Every point passed. Try the other prompts, or the 45-minute length with three what-ifs.</p>
      ) : (
        <ul>
          {record.study.map((s) => (
            <li key={`${s.scenarioId}/${s.step}`}>
              <a href={studyHref(s)}>{s.title}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
