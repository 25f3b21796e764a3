import { useEffect, useState } from 'react';
import { loadBuiltin } from '../scenarios/content/lazy';
import type { ScenarioDef } from '../scenarios/schema';

/** The built-in `id` once its chunk has loaded (null before, or when `wanted` is false or there is none). */
export function useBuiltin(id: string, wanted: boolean): ScenarioDef | null {
  const [loaded, setLoaded] = useState<{ id: string; scenario: ScenarioDef | undefined } | null>(null);
  useEffect(() => {
    if (!wanted || loaded?.id === id) return;
    let cancelled = false;
    void loadBuiltin(id).then((scenario) => !cancelled && setLoaded({ id, scenario }));
    return () => {
      cancelled = true;
    };
  }, [id, wanted, loaded]);
  return wanted && loaded?.id === id ? (loaded.scenario ?? null) : null;
}
