import { lazy, Suspense, useEffect } from 'react';
import catalog from '../scenarios/catalog.json';
import type { ScenarioSummary } from '../scenarios/summary';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Picker } from '../ui/Picker';
import { NotFound } from './NotFound';
import { markReady } from './testHooks';
import { useHashRoute } from './useHashRoute';

// The player (engine, scenarios, views) is its own chunk: the start page loads without it.
const PlayerRoutes = lazy(() => import('./PlayerRoutes'));
// So is "My scenarios" (IndexedDB, and the checks every stored record passes through): the guided
// scenarios show at once, the learner's own a moment later.
const MyScenarios = lazy(() => import('./MyScenarios').then((m) => ({ default: m.MyScenarios })));

export function App() {
  const route = useHashRoute();
  useEffect(() => {
    if (route.page === 'picker' || route.page === 'not-found') markReady();
  }, [route.page]);

  switch (route.page) {
    case 'picker':
      return (
        <Picker scenarios={catalog as ScenarioSummary[]}>
          <Suspense fallback={<p className="loading">Loading your scenarios…</p>}>
            <MyScenarios />
          </Suspense>
        </Picker>
      );
    case 'scenario':
    case 'run':
    case 'share':
    case 'embed':
      // Also catches a player chunk that cannot be loaded (offline before the first visit finished caching).
      return (
        <ErrorBoundary part="this page">
          <Suspense fallback={<p className="loading">Loading the player…</p>}>
            <PlayerRoutes route={route} />
          </Suspense>
        </ErrorBoundary>
      );
    default:
      return <NotFound what={`The address “${route.hash}” does not match any page.`} />;
  }
}
