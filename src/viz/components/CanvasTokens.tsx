import { useEffect, useRef } from 'react';
import { easeCubicInOut } from 'd3-ease';
import { tokenPoint, type TokenVM } from '../layout/brokerLayout';
import { TOKEN_MS, tokenDelays } from './Token';

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
