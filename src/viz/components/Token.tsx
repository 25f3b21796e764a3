import { useLayoutEffect, useRef } from 'react';
import type { TokenVM } from '../layout/brokerLayout';

export const TOKEN_MS = 650;
export const TOKEN_STAGGER_MS = 160;
/** Above this many tokens in one step they are drawn on a canvas instead of as SVG elements. */
export const CANVAS_THRESHOLD = 300;
/** The whole step's tokens start within this span, however many there are. */
const MAX_SPREAD_MS = 1500;

/** How long one token flies when its stage lasts `stageMs`: the flight fits in the stage with room to stagger. */
export const tokenFlightMs = (stageMs: number): number => Math.max(120, Math.min(TOKEN_MS, Math.round(stageMs * 0.75)));

/**
 * Start delays for tokens. Within a stage (`stageMs` given: all produce tokens during `send`, all
 * fetch tokens during `fetch`), they start staggered so the last lands as the stage ends. Without a
 * stage (a whole step's tokens at once), produce tokens first, fetch tokens once they have landed.
 * The one timing function of both token renderers (SVG here, canvas in CanvasTokens.tsx).
 */
export function tokenDelays(tokens: readonly TokenVM[], stageMs?: number): number[] {
  if (stageMs !== undefined) {
    const room = Math.max(0, stageMs - tokenFlightMs(stageMs));
    const stagger = tokens.length > 1 ? Math.min(TOKEN_STAGGER_MS, room / (tokens.length - 1)) : 0;
    return tokens.map((_, i) => Math.round(i * stagger));
  }
  const produce = tokens.filter((t) => t.kind === 'produce').length;
  const fetch = tokens.length - produce;
  const stagger = (n: number) => Math.min(TOKEN_STAGGER_MS, MAX_SPREAD_MS / Math.max(1, n));
  const ps = stagger(produce);
  const fs = stagger(fetch);
  const fetchStart = produce ? (produce - 1) * ps + TOKEN_MS : 0;
  let pi = 0;
  let fi = 0;
  return tokens.map((t) => (t.kind === 'produce' ? pi++ * ps : fetchStart + fi++ * fs));
}

/**
 * A record in flight: a labelled dot that follows its path once. The browser's animation engine
 * moves it (offset-path), so React renders it once and never re-renders per frame.
 */
export function Token({ token, delay, duration = TOKEN_MS }: { token: TokenVM; delay: number; duration?: number }) {
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
      { duration, delay, easing: 'ease-in-out', fill: 'both' },
    );
    return () => anim.cancel();
  }, [delay, duration, token.d]);
  return (
    <g
      ref={ref}
      className="bv-token"
      style={{ offsetPath: `path('${token.d}')`, offsetRotate: '0deg' }}
      aria-hidden="true"
    >
      <circle r={9} fill={token.colour} stroke="#fff" strokeWidth={2} />
      <text className="bv-token-label" y={-13} textAnchor="middle">
        {token.label.length > 10 ? `${token.label.slice(0, 9)}…` : token.label}
      </text>
    </g>
  );
}
