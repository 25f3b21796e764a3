import { useMemo, useRef } from 'react';
import type { LearnerInput } from '../../engine/types';
import { scoreOf, type InterviewRecord } from '../../state/interviewStore';
import type { ScenarioDef } from '../../scenarios/schema';
import { PROMPTS } from '../../scenarios/interview/prompts';
import { rebuildOf } from '../../scenarios/interview/reopen';
import { scorecardOf, type Scorecard } from '../../scenarios/interview/scorecard';
import { studyHref } from '../../scenarios/interview/study';
import type { RunResult } from '../../scenarios/interview/types';
import { RunNotOpened, RunRow } from './RunRow';
import { STAGES, duration } from './stages';
const Verdict = ({ pass }: { pass: boolean }) => (
  <span className={pass ? 'interview-pass' : 'interview-fail'}>{pass ? '✓ pass' : '✗ fail'}</span>
);

export type OpenRun = (design: ScenarioDef, inputs: LearnerInput[], step: number) => Promise<void>;

/** Which run of a scorecard: one of its runs (by id) or the run of its `index`th what-if. */
type RunKey = { run: string } | { whatIf: number };
const runIn = (card: Scorecard, key: RunKey): RunResult | null | undefined =>
  'run' in key ? card.grade.runs.find((r) => r.id === key.run) : card.whatIfs[key.whatIf]?.run;

/**
 * A scorecard, read from its stored record (the one implementation for the scorecard just finished and a
 * saved one): each rubric point, the runs, the what-ifs, the time per stage, what to study. A failing run
 * opens in the player through `onOpenRun`: the scorecard on screen (`live`) has its design; a saved one's
 * design is rebuilt from the answers stored with it (`reopen.ts`) when a run is opened, or the scorecard
 * says why it cannot be. The live one also has the clarifying questions.
 */
export function ScorecardView({
  record,
  live,
  onOpenRun,
  headingRef,
  saved,
  heading,
}: {
  record: InterviewRecord;
  live?: { card: Scorecard };
  onOpenRun?: OpenRun;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  /** Whether it is saved on this device (or why not). */
  saved: string;
  heading: string;
}) {
  const score = scoreOf(record);
  const card = live?.card;
  const rebuilt = useMemo(
    () => (card ? null : rebuildOf(record.promptId, record.design, PROMPTS)),
    [card, record.promptId, record.design],
  );
  // A saved scorecard's design is graded again only when a run is opened (it replays every run).
  const regraded = useRef<Scorecard | string | null>(null);
  const open =
    !onOpenRun || (rebuilt && !rebuilt.ok)
      ? null
      : (key: RunKey) => async () => {
          let c: Scorecard | string | undefined = card;
          if (!c && rebuilt?.ok) c = regraded.current ??= scorecardOf(rebuilt.prompt, rebuilt.answers, rebuilt.whatIfs);
          if (!c || typeof c === 'string')
            throw new RunNotOpened(`Your design could not be rebuilt: ${c ?? 'no answers'}.`);
          const run = runIn(c, key);
          if (!run) throw new RunNotOpened('This run is not in the design rebuilt from your answers.');
          if (run.pass)
            throw new RunNotOpened('This run passes on the design rebuilt from your answers: nothing fails to show.');
          await onOpenRun(run.played ?? c.design, run.inputs, run.openAt);
        };
  const failing = record.runs.some((r) => !r.pass) || record.whatIfs.some((w) => w.run && !w.run.pass);
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
      {rebuilt && !rebuilt.ok && failing && (
        <p className="interview-note">Its failing runs cannot be opened again: {rebuilt.why}.</p>
      )}
      <ul className="interview-runs">
        {record.runs.map((r) => (
          <RunRow
            key={r.id}
            run={r}
            studyHref={studyHref(r.study)}
            openAt={r.openAt}
            onOpen={open ? open({ run: r.id }) : undefined}
          />
        ))}
      </ul>
      <h3>What if…</h3>
      <ul className="interview-runs">
        {record.whatIfs.map((w, i) => {
          const study = w.run?.study ?? card?.whatIfs[i]?.run?.study;
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
                    run={{ ...w.run, study }}
                    studyHref={study ? studyHref(study) : undefined}
                    openAt={w.run.openAt}
                    onOpen={open ? open({ whatIf: i }) : undefined}
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
      {score.passed === score.total ? (
        <p>Every point passed. Try the other prompts, or the 45-minute length with three what-ifs.</p>
      ) : record.study.length === 0 ? (
        <p>Read again why each answer marked ✗ above is wrong: no lesson in a scenario covers it.</p>
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
