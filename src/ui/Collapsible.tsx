import type { ReactNode } from 'react';

/** A panel the learner can fold away; the heading stays as its toggle. */
export function Collapsible({
  title,
  children,
  defaultOpen = true,
  className = '',
}: {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
  className?: string;
}) {
  return (
    <details className={`collapsible ${className}`} open={defaultOpen}>
      <summary>
        <span className="collapsible-title">{title}</span>
      </summary>
      <div className="collapsible-body">{children}</div>
    </details>
  );
}
