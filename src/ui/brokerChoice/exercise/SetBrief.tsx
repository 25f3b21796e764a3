import type { Ref } from 'react';
import type { RequirementSet } from '../../../scenarios/brokerChoice/exercise';

/** One requirement set: the system's brief and what it needs. Nothing here hints at a broker. */
export function SetBrief({ set, headingRef }: { set: RequirementSet; headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <section className="pick-brief" aria-labelledby={`brief-${set.id}`}>
      <h2 id={`brief-${set.id}`} ref={headingRef} tabIndex={-1}>
        {set.title}
      </h2>
      <p>{set.brief}</p>
      <h3>What it needs</h3>
      <ul>
        {set.requirements.map((r) => (
          <li key={r.id}>
            <strong>{r.label}.</strong> {r.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
