import { useId } from 'react';
import { useSpecs } from '../../state/specResults';
import { SpecItem } from './SpecItem';
import './specs.css';

/**
 * The scenario's specs (`specs`), run against its own aggregates, projections and consumers as the proposed
 * changes leave the design at this step: each as given / when / then, ✓ or ✗ with the reason, what changed since
 * the step before, and what the step's own expectations say of it.
 */
export function SpecsPanel() {
  const view = useSpecs();
  const titleId = useId();
  if (!view) return null;
  const passing = view.specs.filter((s) => s.result.passed).length;
  return (
    <section className="panel specs-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Specs</h2>
      <p className="specs-design">
        {view.proposed.length === 0
          ? 'Run against the deployed design.'
          : `Run against a proposed change: ${view.proposed.join('; ')}. The run on screen keeps the deployed design.`}
      </p>
      <p className="specs-summary">
        {passing} of {view.specs.length} pass.
      </p>
      <ul className="specs-list" aria-label="Specs and their results">
        {view.specs.map((s) => (
          <SpecItem key={s.result.id} {...s} />
        ))}
      </ul>
    </section>
  );
}
