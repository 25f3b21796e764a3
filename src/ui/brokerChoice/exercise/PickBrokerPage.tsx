import { useEffect, useMemo, useRef } from 'react';
import { allRuns, PROFILES, type ProfileId } from '../../../scenarios/brokerChoice';
import {
  gradeSet,
  optionOrder,
  REQUIREMENT_SETS,
  score,
  whatGoesWrong,
} from '../../../scenarios/brokerChoice/exercise';
import { AllGrades, GradeView } from './GradeView';
import { PickForm } from './PickForm';
import { useProgress } from './progress';
import { ScoreSummary } from './ScoreSummary';
import { SetBrief } from './SetBrief';
import { WhatGoesWrong } from './WhatGoesWrong';
import '../brokerChoice.css';
import './pickBroker.css';

const nameOf = (id: ProfileId) => PROFILES.find((p) => p.id === id)!.name;

/**
 * "Pick the broker": one system at a time; the learner picks a broker, the pick is graded from the cited
 * verdicts, and the pick's run of the order story is shown next to a best fit's. A score at the end.
 */
export function PickBrokerPage() {
  const runs = useMemo(() => allRuns(), []);
  const [{ index, atScore, drafts, picks }, update] = useProgress();
  const setHeading = useRef<HTMLHeadingElement>(null);
  const gradeHeading = useRef<HTMLHeadingElement>(null);
  const scoreHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const set = REQUIREMENT_SETS[index]!;
  const pick = picks[set.id] ?? null;
  const options = useMemo(() => optionOrder(set).map((id) => ({ id, name: nameOf(id) })), [set]);
  const grades = useMemo(() => gradeSet(set), [set]);
  const facts = useMemo(() => (pick ? whatGoesWrong(set, pick, runs) : null), [set, pick, runs]);
  const last = REQUIREMENT_SETS.length - 1;

  // Focus follows the learner's move (not the first render): the new system's title, or the score.
  useEffect(() => {
    if (!moved.current) return;
    (atScore ? scoreHeading : setHeading).current?.focus();
  }, [index, atScore]);

  const go = (next: number) => {
    moved.current = true;
    update((p) => ({ ...p, atScore: false, index: next }));
  };
  const check = () => {
    const chosen = drafts[set.id];
    if (!chosen) return;
    update((p) => ({ ...p, picks: { ...p.picks, [set.id]: chosen } }));
    // The grade appears on the next render; move focus to it then.
    requestAnimationFrame(() => gradeHeading.current?.focus());
  };

  return (
    <main className="pick-broker">
      <p>
        <a href="#/">All scenarios</a> · <a href="#/compare-brokers">Choosing a broker: the comparison</a>
      </p>
      <h1>Pick the broker</h1>
      <p className="pick-intro">
        Here are {REQUIREMENT_SETS.length} systems, each with a short brief and what it needs. Pick the broker you would
        use; the grade says, for every requirement, whether that broker meets it and why, citing its documentation, and
        then shows your broker’s run of the order story from the comparison page next to a best fit’s. Several brokers
        can be right for one system. Each broker is graded as its profile models it: RabbitMQ 3.10.8, nats-server
        2.9.10, the cloud services as documented in December 2026 (EventBridge’s classic bus with rules).
      </p>
      {atScore ? (
        <>
          <ScoreSummary score={score(REQUIREMENT_SETS, picks)} headingRef={scoreHeading} onOpen={go} />
          <nav className="pick-nav" aria-label="Systems">
            <button type="button" onClick={() => go(last)}>
              Back to the last system
            </button>
          </nav>
        </>
      ) : (
        <>
          <p className="pick-progress">
            System {index + 1} of {REQUIREMENT_SETS.length}
          </p>
          <SetBrief set={set} headingRef={setHeading} />
          <PickForm
            setId={set.id}
            options={options}
            selected={pick ?? drafts[set.id] ?? null}
            answered={pick !== null}
            onSelect={(id) => update((p) => ({ ...p, drafts: { ...p.drafts, [set.id]: id } }))}
            onCheck={check}
          />
          {pick && facts && (
            <>
              <GradeView
                pick={grades.find((g) => g.profile === pick)!}
                best={grades.filter((g) => g.grade === 'best')}
                headingRef={gradeHeading}
              />
              <WhatGoesWrong facts={facts} />
              <AllGrades grades={grades} />
            </>
          )}
          <nav className="pick-nav" aria-label="Systems">
            <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
              Previous system
            </button>
            {index < last ? (
              <button type="button" onClick={() => go(index + 1)}>
                Next system
              </button>
            ) : (
              <button
                type="button"
                onClick={() => {
                  moved.current = true;
                  update((p) => ({ ...p, atScore: true }));
                }}
              >
                See your score
              </button>
            )}
          </nav>
        </>
      )}
    </main>
  );
}
