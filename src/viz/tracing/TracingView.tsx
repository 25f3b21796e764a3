import { useId, useMemo, useState } from 'react';
import { alertFigures } from '../../engine/tracing';
import { useRun } from '../../state/react';
import { AlertTable } from './AlertTable';
import { TraceWaterfall } from './TraceWaterfall';
import { currentTrace, traceChoices, waterfallOf } from './waterfallRows';
import './tracing.css';

/** Tracing and alerts (`topology.tracing`): one trace as a waterfall, picked from the run's traces, and the alerts. */
export function TracingView() {
  const rules = useRun((s) => s.scenario.topology.tracing?.alerts);
  const tracing = useRun((s) => s.world.tracing);
  const now = useRun((s) => s.world.time);
  const titleId = useId();
  const pickId = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const spans = useMemo(() => tracing?.state.spans ?? [], [tracing]);
  const choices = useMemo(() => traceChoices(spans), [spans]);
  const figures = useMemo(
    () => (tracing && rules ? alertFigures(tracing.state, rules, now) : []),
    [tracing, rules, now],
  );
  if (!rules) return null;
  // The learner's pick while it exists in this run; otherwise the trace the story is at.
  const traceId = picked && choices.some((c) => c.id === picked) ? picked : currentTrace(spans);
  return (
    <section className="panel tracing-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Traces and alerts</h2>
      {traceId === null ? (
        <p>No span recorded yet: traces appear when an instrumented client sends or processes a record.</p>
      ) : (
        <>
          <label htmlFor={pickId} className="tracing-pick">
            Trace{' '}
            <select id={pickId} value={traceId} onChange={(e) => setPicked(e.target.value)}>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <TraceWaterfall waterfall={waterfallOf(spans, traceId)} />
          <p className="tracing-note">
            A dashed line is a record waiting in its topic: the broker records no span and never changes a header.
            PRODUCER spans put their context in the record&apos;s traceparent; CONSUMER spans are children of it.
          </p>
        </>
      )}
      {figures.length > 0 && <AlertTable figures={figures} rules={rules} />}
    </section>
  );
}
