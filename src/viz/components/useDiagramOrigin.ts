import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Where the diagram's SVG starts inside the element that holds both it and an overlay (the overlay's
 * parent), in that element's content coordinates: the broker view draws a caption above its SVG, so
 * the layout's (0, 0) is not the parent's corner. Measured after every render and on resize.
 */
export function useDiagramOrigin(overlay: RefObject<HTMLElement | null>): { x: number; y: number } {
  const [origin, setOrigin] = useState({ x: 0, y: 0 });
  useLayoutEffect(() => {
    const host = overlay.current?.parentElement;
    const svg = host?.querySelector('.bv-svg');
    if (!host || !svg) return;
    const measure = () => {
      const a = svg.getBoundingClientRect();
      const b = host.getBoundingClientRect();
      const x = a.left - b.left + host.scrollLeft;
      const y = a.top - b.top + host.scrollTop;
      setOrigin((o) => (Math.abs(o.x - x) < 0.5 && Math.abs(o.y - y) < 0.5 ? o : { x, y }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(host);
    const caption = host.querySelector('.bv-caption');
    if (caption) ro.observe(caption);
    return () => ro.disconnect();
  });
  return origin;
}
