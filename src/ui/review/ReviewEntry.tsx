import { lazy, Suspense } from 'react';
import type { ScenarioSummary } from '../../scenarios/summary';
import { ErrorBoundary } from '../ErrorBoundary';

// The queue reads IndexedDB and carries the scheduler: a chunk of its own, so the start page shows at once.
const ReviewQueue = lazy(() => import('./ReviewQueue'));

/** The start page's review queue ("3 questions to review"), shown once the learner has missed a question. */
export function ReviewEntry({ scenarios }: { scenarios: readonly ScenarioSummary[] }) {
  return (
    <ErrorBoundary part="the review queue" home={false}>
      <Suspense fallback={null}>
        <ReviewQueue scenarios={scenarios} />
      </Suspense>
    </ErrorBoundary>
  );
}
