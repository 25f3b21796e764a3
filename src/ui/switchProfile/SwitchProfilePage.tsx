import { useEffect, useMemo, useState } from 'react';
import { findBuiltin } from '../../scenarios/content/index';
import { isTarget, switchScenario, TARGETS } from '../../scenarios/switchProfile';
import { formatRoute } from '../../state/route';
import { NotesPanel } from './NotesPanel';
import { SwitchStep } from './SwitchStep';
import './switchProfile.css';

/**
 * `#/s/<scenarioId>/on/<profile>/<step>`: a built-in's topology and script run on another broker profile,
 * step by step, with that broker's diagram and words, the notes on what it lacks always on screen, and a
 * link back to the Kafka original at the same step. The step is kept in the address, so a link reopens it.
 */
export function SwitchProfilePage({
  scenarioId,
  profile,
  step,
}: {
  scenarioId: string;
  profile: string;
  step: number | null;
}) {
  const scenario = findBuiltin(scenarioId);
  const target = isTarget(profile) ? profile : null;
  const result = useMemo(() => (scenario && target ? switchScenario(scenario, target) : null), [scenario, target]);
  const last = Math.max(0, (result?.frames.length ?? 1) - 1);
  const [k, setK] = useState(() => Math.min(step ?? 0, last));
  useEffect(() => setK(Math.min(step ?? 0, last)), [step, last, scenarioId, profile]);
  const go = (n: number) => {
    setK(n);
    // Keeps the address shareable without a history entry per step.
    history.replaceState(null, '', formatRoute({ page: 'switch-profile', scenarioId, profile, step: n }));
  };
  const name = TARGETS.find((t) => t.id === target)?.name ?? profile;
  const back = formatRoute({ page: 'scenario', scenarioId, step: k });

  return (
    <main className="switch-page">
      <p>
        <a href="#/">All scenarios</a> · <a href={back}>Back to the Kafka original at step {k}</a>
      </p>
      {!scenario ? (
        <p role="alert">Only the built-in scenarios can be run on another broker; “{scenarioId}” is not one of them.</p>
      ) : (
        <>
          <h1>
            {scenario.title} on {name}
          </h1>
          <nav className="switch-brokers" aria-label="Run it on">
            {TARGETS.map((t) => (
              <a
                key={t.id}
                href={formatRoute({ page: 'switch-profile', scenarioId, profile: t.id, step: k })}
                aria-current={t.id === target ? 'page' : undefined}
              >
                {t.name}
              </a>
            ))}
          </nav>
          {!result ? (
            <p role="alert">“{profile}” is not a broker profile: pick one above.</p>
          ) : (
            <>
              <p className="switch-verdict">{result.verdict}</p>
              <div className="switch-layout">
                <div className="switch-main">
                  {result.meaningful && (
                    <>
                      <div className="switch-stepbar">
                        <button type="button" onClick={() => go(k - 1)} disabled={k === 0}>
                          Previous step
                        </button>
                        <label>
                          Step{' '}
                          <input
                            type="range"
                            min={0}
                            max={last}
                            value={k}
                            aria-valuetext={`Step ${k} of ${last}: ${result.frames[k]!.heading}`}
                            onChange={(e) => go(Number(e.currentTarget.value))}
                          />
                        </label>
                        <button type="button" onClick={() => go(k + 1)} disabled={k === last}>
                          Next step
                        </button>
                        <span>
                          Step {k} / {last}
                        </span>
                      </div>
                      {/* The heading is what the step came to on this broker; Kafka's title may be false here. */}
                      <h2 className="switch-title">{result.frames[k]!.heading}</h2>
                      <p className="switch-muted switch-kafka-title">On Kafka: {result.frames[k]!.title}</p>
                      <SwitchStep result={result} step={k} />
                    </>
                  )}
                </div>
                <NotesPanel result={result} broker={name} />
              </div>
            </>
          )}
        </>
      )}
    </main>
  );
}
