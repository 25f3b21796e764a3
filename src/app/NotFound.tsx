import { useEffect } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * A page that cannot be shown; `title` names what could not be opened when it is known (default: "Page not
 * found"). The tab says it too, so a tab left open on it is not mistaken for the start page.
 */
export function NotFound({ what, title, onShown }: { what: string; title?: string; onShown?: () => void }) {
  const heading = title ?? 'Page not found';
  useDocumentTitle(heading);
  useEffect(() => onShown?.(), [onShown]);
  return (
    <main className="picker">
      <h1>{heading}</h1>
      <p>{what}</p>
      <p>
        <a href="#/">See all scenarios</a>
      </p>
    </main>
  );
}
