import { useLayoutEffect, useRef, useState } from 'react';
import { DEFAULT_WIDTH } from './placeRows';

/**
 * The element's width in CSS pixels, kept up to date (changes under 4 px are ignored, so a layout does not loop),
 * and whether it has been measured yet (an element with no width — hidden, or a DOM without layout — counts as
 * measured at `initial`). Measured before the browser paints, so a view is never drawn once at `initial` and then
 * again at its width: a view that is costly to lay out draws nothing until `measured` (LiveBrokerView).
 */
export function useMeasuredWidth<E extends HTMLElement>(initial = DEFAULT_WIDTH) {
  const ref = useRef<E>(null);
  const [size, setSize] = useState({ width: initial, measured: false });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      setSize((old) => {
        if (w > 0 && (Math.abs(old.width - w) >= 4 || !old.measured)) return { width: w, measured: true };
        return old.measured ? old : { width: old.width, measured: true };
      });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size.width, size.measured] as const;
}
