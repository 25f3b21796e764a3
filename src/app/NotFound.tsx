import { useEffect } from 'react';

/** A page that cannot be shown; `title` names what could not be opened when it is known (default: "Page not found"). */
export function NotFound({ what, title, onShown }: { what: string; title?: string; onShown?: () => void }) {
  useEffect(() => onShown?.(), [onShown]);
  return (
    <main className="picker">
      <h1>{title ?? 'Page not found'}</h1>
      <p>{what}</p>
      <p>
        <a href="#/">See all scenarios</a>
      </p>
    </main>
  );
}
