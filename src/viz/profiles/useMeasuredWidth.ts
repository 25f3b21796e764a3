import { useLayoutEffect, useRef, useState } from 'react';
import { DEFAULT_WIDTH } from './placeRows';

/**
 * The element's width in CSS pixels, kept up to date (changes under 4 px are ignored, so a layout does not loop).
 * Measured before the browser paints, so a view is never drawn once at `initial` and then again at its width.
 */
export function useMeasuredWidth<E extends HTMLElement>(initial = DEFAULT_WIDTH) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth((old) => (Math.abs(old - w) >= 4 ? w : old));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}
