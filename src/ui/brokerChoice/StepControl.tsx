import type { Beat } from '../../scenarios/brokerChoice';

/** One step control for every chosen broker: previous, next, a slider, and the story of the step. */
export function StepControl({
  beats,
  step,
  onStep,
}: {
  beats: readonly Beat[];
  step: number;
  onStep: (step: number) => void;
}) {
  const last = beats.length - 1;
  const beat = beats[step]!;
  return (
    <section className="broker-steps" aria-label="Story step">
      <div className="broker-steps-bar">
        <button type="button" onClick={() => onStep(step - 1)} disabled={step === 0}>
          Previous step
        </button>
        <label className="broker-steps-slider">
          <span>Step</span>
          <input
            type="range"
            min={0}
            max={last}
            value={step}
            aria-valuetext={`Step ${step} of ${last}: ${beat.title}`}
            onChange={(e) => onStep(Number(e.currentTarget.value))}
          />
        </label>
        <button type="button" onClick={() => onStep(step + 1)} disabled={step === last}>
          Next step
        </button>
        <span className="broker-steps-count">
          Step {step} / {last}
        </span>
      </div>
      <h2>{beat.title}</h2>
      <p>{beat.story}</p>
    </section>
  );
}
