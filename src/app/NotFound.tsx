import { useEffect } from 'react';

export function NotFound({ what, onShown }: { what: string; onShown?: () => void }) {
  useEffect(() => onShown?.(), [onShown]);
  return (
    <main className="picker">
      <h1>Page not found</h1>
      <p>{what}</p>
      <p>
        <a href="#/">See all scenarios</a>
      </p>
    </main>
  );
}
