import { useId } from 'react';
import type { SpecResult } from '../../scenarios/specs/result';
import type { SpecView } from '../../state/specResults';

const KIND: Record<SpecResult['kind'], string> = {
  decider: 'decider',
  projection: 'projection',
  contract: 'contract',
  idempotency: 'idempotency',
};

/** One spec: its title, given / when / then in words, ✓ or ✗ with the reason, and what the step expects of it. */
export function SpecItem({ result: r, before, expected }: SpecView) {
  const titleId = useId();
  const verdict = r.passed ? 'passes' : 'fails';
  const changed = before === undefined || before === r.passed ? null : r.passed ? 'passes again' : 'now fails';
  return (
    <li className={`spec-item ${r.passed ? 'spec-pass' : 'spec-fail'}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="spec-mark" aria-hidden="true">
          {r.passed ? '✓' : '✗'}
        </span>{' '}
        {r.title} <span className="spec-verdict">{verdict}</span>
        {changed && <span className="spec-changed">{changed}</span>}
        <span className="spec-kind">{KIND[r.kind]}</span>
      </h3>
      <dl className="spec-gwt">
        <dt>Given</dt>
        <dd>
          {r.given.map((g, i) => (
            <span key={i} className="spec-line">
              {g}
            </span>
          ))}
        </dd>
        <dt>When</dt>
        <dd>{r.when}</dd>
        <dt>Then</dt>
        <dd>
          {r.then.map((t, i) => (
            <span key={i} className="spec-line">
              {t}
            </span>
          ))}
        </dd>
      </dl>
      <p className="spec-reason">
        {r.passed ? 'Passes: ' : 'Fails: '}
        {r.reason}
      </p>
      {expected !== undefined && (
        <p className="spec-expected">
          This step’s check expects it to {expected ? 'pass' : 'fail'}:{' '}
          {expected === r.passed ? 'it does.' : 'it does not.'}
        </p>
      )}
    </li>
  );
}
