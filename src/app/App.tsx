import { lazy, Suspense, useEffect } from 'react';
import catalog from '../scenarios/catalog.json';
import type { ScenarioSummary } from '../scenarios/summary';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Picker } from '../ui/Picker';
import { NotFound } from './NotFound';
import { lazyPart } from './lazyPart';
import { useLazyPart } from './useLazyPart';
import { playerPart } from './playerChunk';
import { markReady } from './testHooks';
import { useHashRoute } from './useHashRoute';
import type { Route } from '../state/route';
import type { OpenRun } from '../ui/interview/ScorecardView';

// "My scenarios" is a chunk of its own (IndexedDB, and the checks every stored record passes through):
// the guided scenarios show at once, the learner's own a moment later. So is the player (below).
const myScenariosPart = lazyPart(() => import('./MyScenarios'));
// "Choosing a broker" runs every broker profile: a chunk of its own, loaded only on its page.
const BrokerChoicePage = lazy(() =>
  import('../ui/brokerChoice/BrokerChoicePage').then((m) => ({ default: m.BrokerChoicePage })),
);
// "Pick the broker" grades picks against the same runs: its own chunk too.
const PickBrokerPage = lazy(() =>
  import('../ui/brokerChoice/exercise/PickBrokerPage').then((m) => ({ default: m.PickBrokerPage })),
);
// "Mock interview" grades designs by running them: its own chunk; opening a failing run loads the library on demand.
const MockInterviewPage = lazy(() =>
  import('../ui/interview/MockInterviewPage').then((m) => ({ default: m.MockInterviewPage })),
);
const openDesignRun: OpenRun = (design, inputs, step) =>
  import('./openDesignRun').then((m) => m.openDesignRun(design, inputs, step));

// A built-in run on another broker profile: its own chunk (the profiles and their diagrams).
const SwitchProfilePage = lazy(() =>
  import('../ui/switchProfile/SwitchProfilePage').then((m) => ({ default: m.SwitchProfilePage })),
);

// Cheat sheets read the scenarios' content and the learner's progress: their own chunk.
const CheatSheetPage = lazy(() => import('../ui/cheatSheet/CheatSheetPage'));

export function App() {
  const route = useHashRoute();
  useEffect(() => {
    if (
      route.page === 'picker' ||
      route.page === 'not-found' ||
      route.page === 'compare-brokers' ||
      route.page === 'pick-a-broker' ||
      route.page === 'mock-interview' ||
      route.page === 'cheat-sheet' ||
      route.page === 'switch-profile'
    )
      markReady();
  }, [route.page]);

  switch (route.page) {
    case 'picker':
      return (
        <Picker scenarios={catalog as ScenarioSummary[]}>
          <ErrorBoundary part="your saved scenarios">
            <MyScenariosPart />
          </ErrorBoundary>
        </Picker>
      );
    case 'compare-brokers':
      return (
        <ErrorBoundary part="this page">
          <Suspense fallback={<p className="loading">Loading the brokers…</p>}>
            <BrokerChoicePage />
          </Suspense>
        </ErrorBoundary>
      );
    case 'pick-a-broker':
      return (
        <ErrorBoundary part="this page">
          <Suspense fallback={<p className="loading">Loading the brokers…</p>}>
            <PickBrokerPage />
          </Suspense>
        </ErrorBoundary>
      );
    case 'mock-interview':
      return (
        <ErrorBoundary part="this page">
          <Suspense fallback={<p className="loading">Loading the mock interview…</p>}>
            <MockInterviewPage onOpenRun={openDesignRun} />
          </Suspense>
        </ErrorBoundary>
      );
    case 'cheat-sheet':
      return (
        <ErrorBoundary part="this page">
          <Suspense fallback={<p className="loading">Loading the cheat sheet…</p>}>
            <CheatSheetPage scenarioId={route.scenarioId} />
          </Suspense>
        </ErrorBoundary>
      );
    case 'switch-profile':
      return (
        <ErrorBoundary part="this page">
          <Suspense fallback={<p className="loading">Loading the broker…</p>}>
            <SwitchProfilePage scenarioId={route.scenarioId} profile={route.profile} step={route.step} />
          </Suspense>
        </ErrorBoundary>
      );
    case 'scenario':
    case 'run':
    case 'share':
    case 'embed':
      // Also catches a player chunk that cannot be loaded (offline before the first visit finished caching).
      return (
        <ErrorBoundary part="this page">
          <Player route={route} />
        </ErrorBoundary>
      );
    default:
      return <NotFound what={`The address “${route.hash}” does not match any page.`} />;
  }
}

/**
 * The player (engine, scenarios, views) is its own chunk (playerChunk.ts): the start page loads
 * without it. Shown as soon as it has loaded, without a Suspense fallback (see lazyPart.ts for why).
 */
function Player({ route }: { route: Extract<Route, { page: 'scenario' | 'run' | 'share' | 'embed' }> }) {
  const player = useLazyPart(playerPart);
  if (!player) return <p className="loading">Loading the player…</p>;
  return <player.default route={route} />;
}

/** "My scenarios" on the start page, shown as soon as its chunk has loaded (lazyPart.ts). */
function MyScenariosPart() {
  const part = useLazyPart(myScenariosPart);
  if (!part) return <p className="loading">Loading your scenarios…</p>;
  return <part.MyScenarios />;
}
