import { useEffect, useLayoutEffect, useRef } from 'react';
import { easeCubicInOut } from 'd3-ease';
import { tokenPoint, type TokenVM } from '../layout/brokerLayout';

export const TOKEN_MS = 650;
export const TOKEN_STAGGER_MS = 160;
/** Above this many tokens in one step they are drawn on a canvas instead of as SVG elements. */
export const CANVAS_THRESHOLD = 300;
/** The whole step's tokens start within this span, however many there are. */
const MAX_SPREAD_MS = 1500;

/** Start delays for a step's tokens: produce tokens first, fetch tokens once they have landed. */
export function tokenDelays(tokens: readonly TokenVM[]): number[] {
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

/**
 * Many tokens at once: one canvas over the SVG, drawn by a requestAnimationFrame loop (no React
 * render per frame). Positions follow the same curves as the SVG paths.
 */
export function CanvasTokens({ tokens, width, height }: { tokens: readonly TokenVM[]; width: number; height: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const delays = tokenDelays(tokens);
    const end = Math.max(0, ...delays) + TOKEN_MS;
    const start = performance.now();
    let frame = 0;
    const draw = (now: number) => {
      const elapsed = now - start;
      ctx.clearRect(0, 0, width, height);
      for (let i = 0; i < tokens.length; i++) {
        const t = (elapsed - delays[i]!) / TOKEN_MS;
        if (t < 0 || t > 1) continue;
        const tok = tokens[i]!;
        const p = tokenPoint(tok, easeCubicInOut(t));
        ctx.globalAlpha = t < 0.08 ? t / 0.08 : t > 0.92 ? (1 - t) / 0.08 : 1;
        ctx.beginPath();
        ctx.arc(p.x, p.y, 6, 0, Math.PI * 2);
        ctx.fillStyle = tok.colour;
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      if (elapsed < end) frame = requestAnimationFrame(draw);
      else ctx.clearRect(0, 0, width, height);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [tokens, width, height]);
  return <canvas ref={ref} className="bv-canvas" style={{ width, height }} aria-hidden="true" />;
}
