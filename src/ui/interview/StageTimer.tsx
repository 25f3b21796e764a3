import { useEffect, useState } from 'react';
import { clock, duration } from './stages';

/**
 * The visible timer: time spent in this stage against its budget, and in the whole interview against
 * its length. Reads the injected clock; the interval only asks for a re-render (tests drive the clock).
 */
export function StageTimer({
  now,
  stageStart,
  stageBudgetMs,
  interviewStart,
  lengthMs,
}: {
  now: () => number;
  stageStart: number;
  stageBudgetMs: number;
  interviewStart: number;
  lengthMs: number;
}) {
  const [, tick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(id);
  }, []);
  const t = now();
  const inStage = t - stageStart;
  const total = t - interviewStart;
  const over = inStage > stageBudgetMs;
  return (
    <p className={`interview-timer${over ? ' over' : ''}`} role="timer" aria-label="Time">
      <span>
        This stage: <strong>{clock(inStage)}</strong> of {clock(stageBudgetMs)}
        {over && <span className="interview-over"> — over its time, move on when you can</span>}
      </span>
      <span>
        Interview: <strong>{clock(total)}</strong> of {clock(lengthMs)}
      </span>
      <span className="visually-hidden">
        {duration(inStage)} in this stage, {duration(total)} in all.
      </span>
    </p>
  );
}
