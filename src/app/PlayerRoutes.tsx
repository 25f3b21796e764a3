/**
 * Everything behind a scenario link, loaded on demand: the scenario content, the engine, the
 * stores and the views. The start page does not need any of it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LearnerInput } from '../engine/types';
import { findBuiltin } from '../scenarios/content';
import type { ScenarioDef } from '../scenarios/schema';
import { RunProvider, type RunChrome } from '../state/react';
import { formatRoute } from '../state/route';
import { Player } from '../ui/Player';
import { createBranch, findBranch, listBranches } from './branches';
import { NotFound } from './NotFound';
import { mainRunId, openRun, type OpenRun } from './openRun';
import { markReady, setCurrentRun } from './testHooks';

export default function PlayerRoutes({ route }: { route: { page: 'scenario'; scenarioId: string; step: number | null } | { page: 'run'; runId: string; step: number | null } }) {
  if (route.page === 'run') return <BranchRoute key={`r/${route.runId}`} runId={route.runId} step={route.step} />;
  const scenario = findBuiltin(route.scenarioId);
  if (!scenario) return <NotFound what={`There is no scenario called “${route.scenarioId}”.`} onShown={markReady} />;
  return <PlayerRoute key={`s/${scenario.id}`} scenario={scenario} step={route.step} />;
}

/** A branch: find which scenario it belongs to in the catalog, then play it. */
function BranchRoute({ runId, step }: { runId: string; step: number | null }) {
  const [found, setFound] = useState<{ scenario: ScenarioDef; parentRunId: string; branchedAtStep: number } | null | 'missing'>(null);
  useEffect(() => {
    let cancelled = false;
    findBranch(runId)
      .then((run) => {
        if (cancelled) return;
        const scenario = run ? findBuiltin(run.scenarioId) : undefined;
        setFound(run && scenario && run.parentRunId !== null ? { scenario, parentRunId: run.parentRunId, branchedAtStep: run.branchedAtStep ?? 0 } : 'missing');
      })
      .catch(() => !cancelled && setFound('missing'));
    return () => {
      cancelled = true;
    };
  }, [runId]);
  useEffect(() => {
    if (found === 'missing') markReady();
  }, [found]);
  if (found === null) return <p className="loading">Opening the branch…</p>;
  if (found === 'missing') return <NotFound what={`There is no branch “${runId}” in this browser. Branches are kept on the device where they were made.`} onShown={markReady} />;
  return <PlayerRoute scenario={found.scenario} step={step} branch={{ runId, parentRunId: found.parentRunId, branchedAtStep: found.branchedAtStep }} />;
}

interface PlayerRouteProps {
  scenario: ScenarioDef;
  step: number | null;
  branch?: { runId: string; parentRunId: string; branchedAtStep: number };
}

function PlayerRoute({ scenario, step, branch }: PlayerRouteProps) {
  const [run, setRun] = useState<OpenRun | null>(null);
  const [branches, setBranches] = useState<{ runId: string; title: string }[]>([]);
  const [branchStatus, setBranchStatus] = useState<RunChrome['branchStatus']>({ busy: false, error: null });

  // Open the run once; later URL changes (a pasted link, back/forward) seek instead.
  useEffect(() => {
    let cancelled = false;
    let opened: OpenRun | null = null;
    void openRun(scenario, step, branch).then((r) => {
      if (cancelled) return r.dispose();
      opened = r;
      setCurrentRun(r);
      setRun(r);
      markReady();
    });
    listBranches(scenario.id)
      .then((list) => !cancelled && setBranches(list.map((b) => ({ runId: b.runId, title: b.title }))))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      setCurrentRun(null);
      opened?.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the step is applied by the effect below
  }, [scenario, branch?.runId]);

  useEffect(() => {
    if (run && step !== null && step !== run.session.store.getState().step) run.playback.send({ type: 'SEEK', step });
  }, [run, step]);

  const onBranch = useCallback(
    (input: LearnerInput) => {
      if (!run) return;
      const s = run.session.store.getState();
      setBranchStatus({ busy: true, error: null });
      createBranch(scenario, { runId: s.runId, inputs: s.inputs, step: s.step }, input)
        .then((runId) => {
          setBranchStatus({ busy: false, error: null });
          window.location.hash = formatRoute({ page: 'run', runId, step: s.step + 1 });
        })
        .catch((err: unknown) => setBranchStatus({ busy: false, error: `Could not start a branch: ${err instanceof Error ? err.message : String(err)}` }));
    },
    [run, scenario],
  );

  const chrome = useMemo<RunChrome>(
    () => ({
      branch: onBranch,
      answer: (questionId: string, answer: string | string[]) => void run?.session.answer(questionId, answer),
      branches: branches.map((b) => ({ ...b, href: formatRoute({ page: 'run', runId: b.runId, step: null }), current: b.runId === branch?.runId })),
      parent: branch
        ? {
            href: branch.parentRunId === mainRunId(scenario.id) ? formatRoute({ page: 'scenario', scenarioId: scenario.id, step: branch.branchedAtStep }) : formatRoute({ page: 'run', runId: branch.parentRunId, step: branch.branchedAtStep }),
            title: `step ${branch.branchedAtStep} of ${branch.parentRunId === mainRunId(scenario.id) ? 'the original run' : 'its parent branch'}`,
          }
        : null,
      branchStatus,
    }),
    [onBranch, branches, branch, scenario.id, branchStatus, run],
  );

  if (!run) return <p className="loading">Opening {scenario.title}…</p>;
  return (
    <RunProvider store={run.session.store} playback={run.playback} chrome={chrome}>
      <Player />
    </RunProvider>
  );
}
