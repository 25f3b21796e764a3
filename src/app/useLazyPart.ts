/** A lazy part's module in a component (lazyPart.ts says why there is no Suspense). */
import { useEffect, useState } from 'react';
import type { LazyPart } from './lazyPart';

/** The part's module once loaded (null until then); a failed load is thrown for the error boundary around it. */
export function useLazyPart<M>(part: LazyPart<M>): M | null {
  const [module, setModule] = useState(part.loaded);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (module) return;
    let cancelled = false;
    part.load().then(
      (m) => !cancelled && setModule(() => m),
      (error: unknown) => !cancelled && setFailure({ error }),
    );
    return () => {
      cancelled = true;
    };
  }, [module, part]);
  if (failure) throw failure.error;
  return module;
}
