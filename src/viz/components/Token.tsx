import { useLayoutEffect, useRef } from 'react';
import type { TokenVM } from '../layout/brokerLayout';

export const TOKEN_MS = 650;
export const TOKEN_STAGGER_MS = 160;

/**
 * A record in flight: a labelled dot that follows its path once. The browser's animation engine
 * moves it (offset-path), so React renders it once and never re-renders per frame.
 */
export function Token({ token, delay }: { token: TokenVM; delay: number }) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof el.animate !== 'function') return;
    const anim = el.animate(
      [
        { offsetDistance: '0%', opacity: 0 },
        { offsetDistance: '8%', opacity: 1, offset: 0.08 },
        { offsetDistance: '92%', opacity: 1, offset: 0.92 },
        { offsetDistance: '100%', opacity: 0 },
      ],
      { duration: TOKEN_MS, delay, easing: 'ease-in-out', fill: 'both' },
    );
    return () => anim.cancel();
  }, [delay, token.d]);
  return (
    <g ref={ref} className="token" style={{ offsetPath: `path('${token.d}')`, offsetRotate: '0deg' }} aria-hidden="true">
      <circle r={9} fill={token.colour} stroke="#fff" strokeWidth={2} />
      <text className="token-label" y={-13} textAnchor="middle">
        {token.label}
      </text>
    </g>
  );
}
