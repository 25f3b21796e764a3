import { lazy, Suspense, useEffect } from 'react';
import catalog from '../scenarios/catalog.json';
import type { ScenarioSummary } from '../scenarios/summary';
import { Picker } from '../ui/Picker';
import { MyScenarios } from './MyScenarios';
import { NotFound } from './NotFound';
import { markReady } from './testHooks';
import { useHashRoute } from './useHashRoute';

// The player (engine, scenarios, views) is its own chunk: the start page loads without it.
const PlayerRoutes = lazy(() => import('./PlayerRoutes'));

export function App() {
  const route = useHashRoute();
  useEffect(() => {
    if (route.page === 'picker' || route.page === 'not-found') markReady();
  }, [route.page]);

  switch (route.page) {
    case 'picker':
      return (
        <Picker scenarios={catalog as ScenarioSummary[]}>
          <MyScenarios />
        </Picker>
      );
    case 'scenario':
    case 'run':
    case 'share':
    case 'embed':
      return (
        <Suspense fallback={<p className="loading">Loading the player…</p>}>
          <PlayerRoutes route={route} />
        </Suspense>
      );
    default:
      return <NotFound what={`The address “${route.hash}” does not match any page.`} />;
  }
}
