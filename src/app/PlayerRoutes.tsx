/**
 * Everything behind a scenario link, loaded on demand: the scenario content, the engine, the
 * stores and the views. The start page does not need any of it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LearnerInput } from '../engine/types';
import { loadBuiltin } from '../scenarios/content/lazy';
import { forkScenario } from '../scenarios/fork';
import type { ScenarioDef } from '../scenarios/schema';
import { RunProvider, type RunChrome } from '../state/react';
import { formatRoute, type Route } from '../state/route';
import { EmbedPlayer } from '../ui/EmbedPlayer';
import { Player } from '../ui/Player';
import { createBranch, findBranch, listBranches } from './branches';
import { freshScenarioId, loadScenario, replaceScenario, saveScenario } from './library';
import { NotFound } from './NotFound';
import { useDocumentTitle } from './useDocumentTitle';
import { currentMainRunId, openRun, type OpenRun } from './openRun';
import { mainRunId } from './runIds';
import { describeFailure } from '../persistence/errors';
import { markReady, setCurrentRun } from './testHooks';
import { takeEarlyScenario } from './earlyScenario';
import { documentChecks, downloadScenario, shareLinks } from './documentIo';

type PlayerRoute = Extract<Route, { page: 'scenario' } | { page: 'run' } | { page: 'share' } | { page: 'embed' }>;

export default function PlayerRoutes({ route }: { route: PlayerRoute }) {
  if (route.page === 'run') return <BranchRoute key={`r/${route.runId}`} runId={route.runId} step={route.step} />;
  if (route.page === 'embed')
    return (
      <EmbedRoute
        key={`embed/${route.of.page === 'share' ? route.of.data.slice(0, 32) : route.of.scenarioId}`}
        of={route.of}
      />
    );
  if (route.page === 'share') return <SharedRoute key={`share/${route.data.slice(0, 32)}`} data={route.data} />;
  return <ScenarioRoute key={`s/${route.scenarioId}`} scenarioId={route.scenarioId} step={route.step} />;
}

function useAsync<T>(load: () => Promise<T>, deps: unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let cancelled = false;
    load().then((v) => !cancelled && setValue(v));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the inputs of `load` as deps
  }, deps);
  return value;
}

function ScenarioRoute({ scenarioId, step }: { scenarioId: string; step: number | null }) {
  // A built-in or a saved scenario; boot.ts has usually started reading it while the player loaded.
  const loaded = useAsync(
    () =>
      (takeEarlyScenario(scenarioId) ?? loadScenario(scenarioId)).catch((e: unknown) => ({
        ok: false as const,
        message: String(e),
      })),
    [scenarioId],
  );
  if (!loaded) return <p className="loading">Opening the scenario…</p>;
  if (!loaded.ok) return <NotFound what={loaded.message} onShown={markReady} />;
  return (
    <PlayerRoute
      scenario={loaded.scenario}
      step={step}
      ownership={loaded.saved ? 'saved' : 'builtin'}
      mainRunId={loaded.mainRunId}
    />
  );
}

/** A shared link: validated like an import, played in memory at its step, read-only until forked. */
function SharedRoute({ data }: { data: string }) {
  const decoded = useAsync(async () => {
    const links = await shareLinks();
    const d = await links.decodeShare(data);
    return d.ok ? d : { ...d, why: links.describeShareIssues(d.issues) };
  }, [data]);
  if (!decoded) return <p className="loading">Reading the shared scenario…</p>;
  if (!decoded.ok) return <NotFound title="This share link cannot be opened" what={decoded.why} onShown={markReady} />;
  return (
    <PlayerRoute
      scenario={decoded.scenario}
      step={decoded.step}
      ownership="shared"
      shared={{ inputs: decoded.inputs, notice: decoded.notice }}
    />
  );
}

/**
 * An embed: a built-in or a share link played in memory in a compact player (nothing is stored, so
 * an iframe on another site leaves no trace in the learner's Event Lab). A learner's own scenarios
 * live in their browser only, so they are embedded through a share link.
 */
function EmbedRoute({ of }: { of: Extract<Route, { page: 'embed' }>['of'] }) {
  const loaded = useAsync(async () => {
    if (of.page === 'share') return (await shareLinks()).decodeShare(of.data);
    const builtin = await loadBuiltin(of.scenarioId);
    if (!builtin)
      return {
        ok: false as const,
        issues: [
          {
            path: 'scenario',
            message: `“${of.scenarioId}” is not a built-in scenario; to embed a scenario of your own, embed its share link (#/embed/share/…)`,
          },
        ],
      };
    return { ok: true as const, scenario: builtin, inputs: [], step: of.step ?? 0, notice: null };
  }, [of]);
  if (!loaded) return <p className="loading">Opening the scenario…</p>;
  if (!loaded.ok)
    return (
      <NotFound
        what={`This embed cannot be shown: ${loaded.issues.map((i) => i.message).join('; ')}`}
        onShown={markReady}
      />
    );
  return <EmbeddedRun scenario={loaded.scenario} inputs={loaded.inputs} step={loaded.step} />;
}

function EmbeddedRun({
  scenario,
  inputs,
  step,
}: {
  scenario: ScenarioDef;
  inputs: readonly LearnerInput[];
  step: number;
}) {
  const [run, setRun] = useState<OpenRun | null>(null);
  useDocumentTitle(scenario.title, scenario.summary);
  useEffect(() => {
    let cancelled = false;
    let opened: OpenRun | null = null;
    void openRun(scenario, step, undefined, { memoryOnly: true, inputs }).then((r) => {
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
    };
  }, [scenario, inputs, step]);
  const openHref = useCallback(
    async (at: number) =>
      new URL(await (await shareLinks()).shareHash({ scenario, inputs, step: at }), window.location.href).href,
    [scenario, inputs],
  );
  if (!run) return <p className="loading">Opening {scenario.title}…</p>;
  return (
    <RunProvider store={run.session.store} playback={run.playback}>
      <EmbedPlayer openHref={openHref} />
    </RunProvider>
  );
}

/** A branch: find which scenario it belongs to in the catalog, then play it (or say truly why not). */
function BranchRoute({ runId, step }: { runId: string; step: number | null }) {
  const found = useAsync(async () => {
    let run: Awaited<ReturnType<typeof findBranch>>;
    try {
      run = await findBranch(runId);
    } catch (err) {
      return {
        problem: describeFailure(
          `Opening the branch “${runId}”`,
          err,
          'The original run and your other scenarios are not affected',
        ),
      };
    }
    if (!run || run.parentRunId === null)
      return {
        problem: `There is no branch “${runId}” in this browser. Branches are kept on the device where they were made.`,
      };
    const loaded = await loadScenario(run.scenarioId).catch((err: unknown) => ({
      ok: false as const,
      message: describeFailure(`Opening the scenario of the branch “${runId}”`, err, null),
    }));
    if (!loaded.ok) return { problem: loaded.message };
    // The scenario's main run may live under a newer id (a restore writes it anew): ask, don't assume.
    const parentIsMain =
      run.parentRunId === mainRunId(run.scenarioId) ||
      run.parentRunId === (await currentMainRunId(run.scenarioId).catch(() => null));
    return {
      scenario: loaded.scenario,
      saved: loaded.saved,
      parentRunId: run.parentRunId,
      parentIsMain,
      branchedAtStep: run.branchedAtStep ?? 0,
    };
  }, [runId]);
  if (found === null) return <p className="loading">Opening the branch…</p>;
  if (found.problem !== undefined) return <NotFound what={found.problem} onShown={markReady} />;
  return (
    <PlayerRoute
      scenario={found.scenario}
      step={step}
      ownership={found.saved ? 'saved' : 'builtin'}
      branch={{
        runId,
        parentRunId: found.parentRunId,
        parentIsMain: found.parentIsMain,
        branchedAtStep: found.branchedAtStep,
      }}
    />
  );
}

interface PlayerRouteProps {
  scenario: ScenarioDef;
  step: number | null;
  /** A main run's id, read with the scenario (a branch or a shared link has none). */
  mainRunId?: string;
  ownership: RunChrome['ownership'];
  branch?: { runId: string; parentRunId: string; parentIsMain: boolean; branchedAtStep: number };
  /** A shared link's learner inputs, and what to tell about its base (it changed since). */
  shared?: { inputs: readonly LearnerInput[]; notice: string | null };
}

function PlayerRoute({
  scenario,
  step,
  mainRunId: runOfScenario,
  ownership,
  branch,
  shared: sharedRun,
}: PlayerRouteProps) {
  const [run, setRun] = useState<OpenRun | null>(null);
  const [branches, setBranches] = useState<{ runId: string; title: string }[]>([]);
  const [branchStatus, setBranchStatus] = useState<RunChrome['branchStatus']>({ busy: false, error: null });
  const [notice, setNotice] = useState<string | null>(sharedRun?.notice ?? null);
  const shared = ownership === 'shared';
  useDocumentTitle(scenario.title, scenario.summary);

  // Open the run once; later URL changes (a pasted link, back/forward) seek instead.
  useEffect(() => {
    let cancelled = false;
    let opened: OpenRun | null = null;
    void openRun(scenario, step, branch, {
      memoryOnly: shared,
      ...(sharedRun ? { inputs: sharedRun.inputs } : {}),
      ...(runOfScenario && !branch ? { mainRunId: runOfScenario } : {}),
    }).then((r) => {
      if (cancelled) return r.dispose();
      opened = r;
      setCurrentRun(r);
      setRun(r);
      // Tests start once the stored run has been read and checked, as before it was shown early.
      void r.session.ready.then(() => !cancelled && markReady());
    });
    if (!shared)
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
      if (shared)
        return setBranchStatus({
          busy: false,
          error: 'A shared scenario is read-only: fork it first to keep your changes.',
        });
      const s = run.session.store.getState();
      setBranchStatus({ busy: true, error: null });
      createBranch(scenario, { runId: s.runId, inputs: s.inputs, step: s.step }, input)
        .then((runId) => {
          setBranchStatus({ busy: false, error: null });
          window.location.hash = formatRoute({ page: 'run', runId, step: s.step + 1 });
        })
        .catch((err: unknown) =>
          setBranchStatus({
            busy: false,
            error: describeFailure('Starting a branch', err, 'The run you were in is unchanged'),
          }),
        );
    },
    [run, scenario, shared],
  );

  const chrome = useMemo<RunChrome>(
    () => ({
      branch: onBranch,
      answer: (questionId, answer) => void run?.session.answer(questionId, answer),
      branches: branches.map((b) => ({
        ...b,
        href: formatRoute({ page: 'run', runId: b.runId, step: null }),
        current: b.runId === branch?.runId,
      })),
      parent: branch
        ? {
            href: branch.parentIsMain
              ? formatRoute({ page: 'scenario', scenarioId: scenario.id, step: branch.branchedAtStep })
              : formatRoute({ page: 'run', runId: branch.parentRunId, step: branch.branchedAtStep }),
            title: `step ${branch.branchedAtStep} of ${branch.parentIsMain ? 'the original run' : 'its parent branch'}`,
          }
        : null,
      branchStatus,
      ownership,
      notice,
      restartRun: () => void run?.session.restart(),
      openDesignRun: (design, inputs, step, title) =>
        import('./openDesignRun').then((m) => m.openDesignRun(design, inputs, step, title)),
      fork: (scope = 'up-to-here') => {
        if (!run) return;
        const s = run.session.store.getState();
        void (async () => {
          try {
            const id = await freshScenarioId(`${scenario.id}-fork`);
            const title = `${scenario.title} (my fork)`.slice(0, 200);
            // Up to here: the steps so far become the fork's script; the whole scenario keeps the rest too.
            const upTo = scope === 'whole' ? s.lastStep : s.step;
            const fork = forkScenario(scenario, s.inputs, upTo, { id, title });
            // forkedFrom.step: how many of the run's steps the fork copied (the whole scenario: all of them).
            await saveScenario(fork, { runId: s.runId, step: upTo });
            window.location.hash = formatRoute({
              page: 'scenario',
              scenarioId: id,
              step: Math.min(s.step, fork.steps.length),
            });
          } catch (err) {
            setNotice(describeFailure('Forking', err, 'Nothing was saved'));
          }
        })();
      },
      designOwn: () => {
        void (async () => {
          try {
            const id = await freshScenarioId(`${scenario.id}-design`);
            const { blankScenario } = await import('../scenarios/blank');
            await saveScenario(blankScenario({ id, title: `My design: ${scenario.title}`, exercise: scenario }), null);
            window.location.hash = formatRoute({ page: 'scenario', scenarioId: id, step: 0 });
          } catch (err) {
            setNotice(describeFailure('Starting a design', err, 'Nothing was saved'));
          }
        })();
      },
      exportFile: (format) => {
        downloadScenario(scenario, format).then(setNotice, (err: unknown) =>
          setNotice(describeFailure('Exporting', err, 'Nothing was downloaded')),
        );
      },
      shareLink: async () => {
        const s = run?.session.store.getState();
        const { shareHash, shareUrl } = await shareLinks();
        const hash = await shareHash({ scenario, inputs: s?.inputs ?? [], step: s?.step ?? 0 });
        const r = shareUrl(window.location.href.split('#')[0]!, hash);
        return r.ok ? { ok: true, url: r.url } : { ok: false, message: r.message };
      },
      saveEdited: async (json) => {
        const r = (await documentChecks()).importScenarioText(json);
        if (!r.ok) return { ok: false, message: r.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
        if (r.scenario.id !== scenario.id)
          return { ok: false, message: `id: the id must stay "${scenario.id}" (fork to make a new scenario)` };
        await replaceScenario(r.scenario);
        window.location.reload();
        return { ok: true };
      },
    }),
    [onBranch, branches, branch, scenario, branchStatus, run, ownership, notice],
  );

  if (!run) return <p className="loading">Opening {scenario.title}…</p>;
  return (
    <RunProvider store={run.session.store} playback={run.playback} chrome={chrome}>
      <Player />
    </RunProvider>
  );
}
