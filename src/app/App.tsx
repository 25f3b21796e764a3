import { useEffect, useState } from 'react';
import { builtinScenarios, findBuiltin } from '../scenarios/content';
import { RunProvider } from '../state/react';
import { Picker } from '../ui/Picker';
import { Player } from '../ui/Player';
import { openRun, type OpenRun } from './openRun';
import { markReady, setCurrentRun } from './testHooks';
import { useHashRoute } from './useHashRoute';

export function App() {
  const route = useHashRoute();
  useEffect(() => {
    if (route.page === 'picker' || route.page === 'not-found') markReady();
  }, [route.page]);

  switch (route.page) {
    case 'picker':
      return <Picker scenarios={builtinScenarios} />;
    case 'scenario':
      return <ScenarioRoute scenarioId={route.scenarioId} step={route.step} />;
    default:
      return <NotFound what={route.page === 'not-found' ? `The address “${route.hash}” does not match any page.` : 'This kind of link is not supported yet.'} />;
  }
}

function ScenarioRoute({ scenarioId, step }: { scenarioId: string; step: number | null }) {
  const scenario = findBuiltin(scenarioId);
  const [run, setRun] = useState<OpenRun | null>(null);

  // Open the run once per scenario; later URL changes (a pasted link, back/forward) seek instead.
  useEffect(() => {
    if (!scenario) return;
    let cancelled = false;
    let opened: OpenRun | null = null;
    void openRun(scenario, step).then((r) => {
      if (cancelled) return r.dispose();
      opened = r;
      setCurrentRun(r);
      setRun(r);
      markReady();
    });
    return () => {
      cancelled = true;
      setCurrentRun(null);
      opened?.dispose();
      setRun(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the step is applied by the effect below
  }, [scenario]);

  useEffect(() => {
    if (run && step !== null && step !== run.session.store.getState().step) run.playback.send({ type: 'SEEK', step });
  }, [run, step]);

  if (!scenario) return <NotFound what={`There is no scenario called “${scenarioId}”.`} />;
  if (!run) return <p className="loading">Opening {scenario.title}…</p>;
  return (
    <RunProvider store={run.session.store} playback={run.playback}>
      <Player />
    </RunProvider>
  );
}

function NotFound({ what }: { what: string }) {
  return (
    <main className="picker">
      <h1>Page not found</h1>
      <p>{what}</p>
      <p>
        <a href="#/">See all scenarios</a>
      </p>
    </main>
  );
}
