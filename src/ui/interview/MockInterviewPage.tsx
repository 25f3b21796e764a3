import { useEffect, useMemo, useRef, useState } from 'react';
import { PROMPTS } from '../../scenarios/interview/prompts';
import { scorecardOf } from '../../scenarios/interview/scorecard';
import { interviewRecordOf, saveInterviewSaying, type InterviewRecord } from '../../state/interviewStore';
import { progressNow } from '../../state/progressClock';
import { ClarifyStage } from './ClarifyStage';
import { interviewSummary, PastInterviews } from './PastInterviews';
import { QuestionStage, stageAnswered } from './QuestionStage';
import { ScorecardView, type OpenRun } from './ScorecardView';
import { SetupForm } from './SetupForm';
import { StageTimer } from './StageTimer';
import { BUDGET, STAGES } from './stages';
import { useInterview } from './useInterview';
import { WhatIfStage } from './WhatIfStage';
import './interview.css';

/**
 * "Mock interview": a prompt and a length, then timed stages whose answers build a real design
 * (the reference with every wrong answer's change), graded at the end by the rubric and by running it.
 * The clock is injected (progress's clock by default, so e2e builds and tests drive it); `onOpenRun` opens a
 * failing run in the player. A finished interview's scorecard is saved on this device as it is shown, and
 * listed under "Your past interviews" on the setup page (each opens read-only).
 */
export function MockInterviewPage({ now = progressNow, onOpenRun }: { now?: () => number; onOpenRun?: OpenRun }) {
  const s = useInterview(now);
  const iv = s.iv;
  const stageHeading = useRef<HTMLHeadingElement>(null);
  const scoreHeading = useRef<HTMLHeadingElement>(null);
  const card = useMemo(
    () => (iv?.finished ? scorecardOf(iv.prompt, iv.answers, iv.whatIfs) : null),
    [iv?.finished, iv?.prompt, iv?.answers, iv?.whatIfs],
  );
  const record = useMemo(
    () =>
      iv?.finished && card && typeof card !== 'string'
        ? interviewRecordOf(
            {
              id: iv.id,
              promptId: iv.prompt.id,
              promptTitle: iv.prompt.title,
              length: iv.length,
              startedAt: iv.startedAt,
              finishedAt: iv.finishedAt ?? iv.startedAt,
              times: iv.times,
            },
            card,
          )
        : null,
    [card], // eslint-disable-line react-hooks/exhaustive-deps -- the interview is finished: only the card changes it
  );
  // Saved as it is shown (the same id again replaces it, so a second effect run is harmless).
  const [saved, setSaved] = useState<{ id: string; text: string } | null>(null);
  useEffect(() => {
    if (!record) return;
    let live = true;
    void saveInterviewSaying(record).then((text) => live && setSaved({ id: record.id, text }));
    return () => {
      live = false;
    };
  }, [record]);
  const [viewing, setViewing] = useState<InterviewRecord | null>(null);
  // Focus follows the learner to each new stage and to the scorecard.
  useEffect(() => {
    if (!iv) return;
    (iv.finished ? scoreHeading : stageHeading).current?.focus();
  }, [iv?.stage, iv?.finished]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (viewing) scoreHeading.current?.focus();
  }, [viewing]);

  const stage = iv ? STAGES[iv.stage]! : null;
  const ready =
    !iv || !stage
      ? false
      : stage.id === 'clarify'
        ? iv.answers.requirements.length > 0
        : stage.id === 'what-ifs'
          ? iv.whatIfs.every((w) => iv.answers.whatIfs[w.id])
          : stageAnswered(iv.prompt, stage.id, iv.answers);

  return (
    <main className="mock-interview">
      <p>
        <a href="#/">All scenarios</a>
      </p>
      <h1>Mock interview</h1>
      {!iv && viewing && (
        <>
          <ScorecardView
            record={viewing}
            headingRef={scoreHeading}
            heading={`${viewing.promptTitle}, ${viewing.length} minutes`}
            onOpenRun={onOpenRun}
            saved={`Saved on this device: the scorecard of ${interviewSummary(viewing)}.`}
          />
          <p>
            <button type="button" className="interview-secondary" onClick={() => setViewing(null)}>
              Back to your past interviews
            </button>
          </p>
        </>
      )}
      {!iv && !viewing && (
        <>
          <p className="interview-note">
            A timed design conversation. Clarify the requirements, name the events, choose topics and keys, place the
            consumers and read models, then answer the interviewer’s what-ifs. Your answers build a real scenario
            document; the scorecard grades it by reading it and by running it in the simulator under faults.
          </p>
          <SetupForm prompts={PROMPTS} onStart={(p, length) => s.start(p, length, now() % 1_000_000)} />
          <PastInterviews onOpen={setViewing} />
        </>
      )}
      {iv && !iv.finished && stage && (
        <section aria-labelledby="stage-heading">
          <p className="interview-brief">
            <strong>{iv.prompt.title}:</strong> {iv.prompt.brief}
          </p>
          <StageTimer
            now={now}
            stageStart={iv.stageStart}
            stageBudgetMs={BUDGET[iv.length][stage.id] * 60_000}
            interviewStart={iv.startedAt}
            lengthMs={iv.length * 60_000}
          />
          <h2 id="stage-heading" tabIndex={-1} ref={stageHeading}>
            Stage {iv.stage + 1} of {STAGES.length}: {stage.title}
          </h2>
          {stage.id === 'clarify' && (
            <ClarifyStage
              requirements={iv.prompt.requirements}
              value={iv.answers.requirements}
              onChange={s.setRequirements}
            />
          )}
          {(stage.id === 'events' || stage.id === 'topics' || stage.id === 'consumers') && (
            <QuestionStage
              prompt={iv.prompt}
              stage={stage.id}
              answers={iv.answers}
              onAnswer={s.answer}
              onPick={s.pick}
            />
          )}
          {stage.id === 'what-ifs' && (
            <WhatIfStage whatIfs={iv.whatIfs} value={iv.answers.whatIfs} onChange={s.answerWhatIf} />
          )}
          <p className="interview-nav">
            <button type="button" className="interview-primary" disabled={!ready} onClick={s.next}>
              {iv.stage === STAGES.length - 1 ? 'Finish and see the scorecard' : 'Next stage'}
            </button>
            {!ready && <span className="interview-note"> Answer every question of this stage to go on.</span>}
          </p>
        </section>
      )}
      {iv?.finished && typeof card === 'string' && <p role="alert">{card}</p>}
      {iv?.finished && card && typeof card !== 'string' && (
        <>
          <ScorecardView
            record={record!}
            live={{ card }}
            onOpenRun={onOpenRun}
            headingRef={scoreHeading}
            heading="Scorecard"
            saved={saved?.id === record?.id ? saved!.text : 'Saving on this device…'}
          />
          <p>
            <button type="button" className="interview-secondary" onClick={s.restart}>
              Start another interview
            </button>
          </p>
        </>
      )}
    </main>
  );
}
