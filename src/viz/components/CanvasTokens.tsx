import { useEffect, useRef } from 'react';
import { easeCubicInOut } from 'd3-ease';
import type { TokenVM } from '../layout/brokerLayout';
import { TOKEN_MS, tokenDelays, tokenFlightMs } from './Token';

/** Canvas pixels per CSS pixel, at most 2: beyond that 1,000 dots cost fill rate and nobody sees it. */
const MAX_DPR = 2;
const RADIUS = 6;
const RING = 1.5;
/** Fade in over the first 8 % of a flight and out over the last 8 %, as the SVG token does. */
const FADE = 0.08;

/**
 * The tokens' curves as one flat array, 8 numbers each (from, c1, c2, to): the frame loop reads
 * numbers instead of building points (no allocation per token per frame).
 */
export function flightPaths(tokens: readonly TokenVM[]): Float64Array {
  const out = new Float64Array(tokens.length * 8);
  tokens.forEach((t, i) => out.set([t.from.x, t.from.y, t.c1.x, t.c1.y, t.c2.x, t.c2.y, t.to.x, t.to.y], i * 8));
  return out;
}

/** Token i's point at u ∈ [0, 1] on its cubic Bézier (the curve of `tokenPoint`), written into `out`. */
export function pointAt(paths: Float64Array, i: number, u: number, out: { x: number; y: number }): void {
  const o = i * 8;
  const v = 1 - u;
  const a = v * v * v;
  const b = 3 * v * v * u;
  const c = 3 * v * u * u;
  const d = u * u * u;
  out.x = a * paths[o]! + b * paths[o + 2]! + c * paths[o + 4]! + d * paths[o + 6]!;
  out.y = a * paths[o + 1]! + b * paths[o + 3]! + c * paths[o + 5]! + d * paths[o + 7]!;
}

/** One dot with its white ring, drawn once per colour at the canvas's resolution and stamped per token. */
function sprite(colour: string, dpr: number, size: number): HTMLCanvasElement | null {
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  ctx.scale(dpr, dpr);
  const mid = size / 2 / dpr;
  ctx.beginPath();
  ctx.arc(mid, mid, RADIUS, 0, Math.PI * 2);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.lineWidth = RING;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  return c;
}

/**
 * Many tokens at once: one canvas over the SVG, drawn by a requestAnimationFrame loop (no React
 * render per frame). Positions follow the same curves as the SVG paths, timed by `tokenDelays`
 * (within the stage when `stageMs` is given). A frame is one drawImage of a pre-drawn dot per token
 * in flight: no path building, no per-token style changes, no allocation.
 */
export function CanvasTokens({
  tokens,
  width,
  height,
  stageMs,
}: {
  tokens: readonly TokenVM[];
  width: number;
  height: number;
  stageMs?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.min(MAX_DPR, window.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const staged = stageMs !== undefined && stageMs > 0;
    const delays = staged ? tokenDelays(tokens, stageMs) : tokenDelays(tokens);
    const flight = staged ? tokenFlightMs(stageMs) : TOKEN_MS;
    const paths = flightPaths(tokens);
    // A sprite a pixel wider than the ring on each side, drawn back at its own size (1:1 pixels).
    const spritePx = Math.ceil((RADIUS + RING) * 2 * dpr) + 2;
    const box = spritePx / dpr;
    const half = box / 2;
    const sprites = new Map<string, HTMLCanvasElement | null>();
    const spriteOf = tokens.map((t) => {
      if (!sprites.has(t.colour)) sprites.set(t.colour, sprite(t.colour, dpr, spritePx));
      return sprites.get(t.colour)!;
    });
    let end = 0;
    for (const d of delays) end = Math.max(end, d + flight);
    const p = { x: 0, y: 0 };
    const start = performance.now();
    let frame = 0;
    const draw = (now: number) => {
      const elapsed = now - start;
      ctx.clearRect(0, 0, width, height);
      let alpha = 1;
      ctx.globalAlpha = 1;
      for (let i = 0; i < tokens.length; i++) {
        const t = (elapsed - delays[i]!) / flight;
        const image = spriteOf[i];
        if (t < 0 || t > 1 || !image) continue;
        pointAt(paths, i, easeCubicInOut(t), p);
        const a = t < FADE ? t / FADE : t > 1 - FADE ? (1 - t) / FADE : 1;
        if (a !== alpha) ctx.globalAlpha = alpha = a;
        ctx.drawImage(image, p.x - half, p.y - half, box, box);
      }
      ctx.globalAlpha = 1;
      if (elapsed < end) frame = requestAnimationFrame(draw);
      else ctx.clearRect(0, 0, width, height);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [tokens, width, height, stageMs]);
  return <canvas ref={ref} className="bv-canvas" style={{ width, height }} aria-hidden="true" />;
}
