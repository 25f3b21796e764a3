import { useId, useMemo } from 'react';
import { useRun } from '../../state/react';
import { describeEffects, summarise } from '../layout/effectItems';
import { TONE_WORD, ToneIcon } from './ToneIcon';
import './views.css';

/** "What happened in this step": every effect of the step, in order, in plain words. */
export function EffectsList() {
  const effects = useRun((s) => s.effects);
  const step = useRun((s) => s.step);
  const items = useMemo(() => describeEffects(effects), [effects]);
  const counts = summarise(items);
  const titleId = useId();
  return (
    <section className="panel effects-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>What happened in this step</h2>
      {items.length === 0 ? (
        <p className="empty">
          {step === 0 ? 'Nothing yet: this is the starting point.' : 'Nothing changed in this step.'}
        </p>
      ) : (
        <>
          <p className="effects-summary">
            Step {step}: {counts.total} {counts.total === 1 ? 'thing' : 'things'} happened
            {counts.problems > 0 && `, ${counts.problems} refused or failed`}
            {counts.warnings > 0 && `, ${counts.warnings} to look at`}.
          </p>
          <div className="effects-scroll" tabIndex={0} role="region" aria-label={`Effects of step ${step}`}>
            <ol className="effects">
              {items.map((item) => (
                <li key={item.key} className={`effect tone-${item.tone}`} data-kind={item.kind}>
                  <span className="effect-kind">
                    <ToneIcon tone={item.tone} />
                    <span className="visually-hidden">{TONE_WORD[item.tone]}</span>
                    {item.label}
                  </span>
                  <span className="effect-reason">{item.reason}</span>
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}
