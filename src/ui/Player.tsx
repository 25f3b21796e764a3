import { startTransition, useEffect, useRef, useState } from 'react';
import { useRun } from '../state/react';
import { useStageDriver } from '../state/stageClock';
import { useReducedMotion } from '../viz/components/useReducedMotion';
import { CqrsOverview, hasCqrsPath } from '../viz/components/CqrsOverview';
import { EffectsList } from '../viz/components/EffectsList';
import { EventStoreView } from '../viz/components/EventStoreView';
import { Inspector, type InspectorProps } from '../viz/components/Inspector';
import { LiveBrokerView } from '../viz/components/LiveBrokerView';
import { QueueView } from '../viz/components/QueueView';
import { hasReadModels, ReadModelsView } from '../viz/components/ReadModelsView';
import { ReplicasView } from '../viz/replicas/ReplicasView';
import { SagaView } from '../viz/saga/SagaView';
import { RegistryView } from '../viz/registry/RegistryView';
import { SpecsPanel } from './specs/SpecsPanel';
import { StreamsView } from '../viz/streams/StreamsView';
import { PrivacyView } from '../viz/privacy/PrivacyView';
import { TracingView } from '../viz/tracing/TracingView';
import { MirrorView } from '../viz/mirror/MirrorView';
import { PollLoopView } from '../viz/pollLoop/PollLoopView';
import { BranchesPanel } from './BranchesPanel';
import { Collapsible } from './Collapsible';
import { ErrorBoundary } from './ErrorBoundary';
import { DesignComparePanel } from './DesignComparePanel';
import { EditorPanel } from './EditorPanel';
import { EventLogTable } from './EventLogTable';
import { GroupsTable } from './GroupsTable';
import { LearnerActions } from './LearnerActions';
import { FaultsPanel } from './faults/FaultsPanel';
import { NarrationPanel } from './NarrationPanel';
import { PlaybackBar } from './PlaybackBar';
import { PracticeGate, PracticePanel } from './PracticePanel';
import { usePracticeGate } from './practiceGate';
import { ProgressRecorder } from './review/ProgressRecorder';
import { QuestionPanel } from './QuestionPanel';
import { ScenarioActions } from './ScenarioActions';
import { StepBar } from './StepBar';
import { StorageStatus } from './StorageStatus';
import { usePlaybackKeys } from './usePlaybackKeys';

/** A scenario being played: the animated system, the story so far, the controls and the tables. Each part fails alone. */
export function Player() {
  return (
    <ErrorBoundary part="this scenario’s player">
      <PlayerBody />
    </ErrorBoundary>
  );
}

function PlayerBody() {
  const title = useRun((s) => s.scenario.title);
  const level = useRun((s) => s.scenario.level);
  const hasTopics = useRun((s) => Object.keys(s.world.broker.topics).length > 0);
  // Only replicated topics (drawn by the replicas view): the event log would only say it is empty.
  const replicasOnly = useRun(
    (s) =>
      (!!s.world.replication || !!s.scenario.topology.mirror) &&
      Object.keys(s.world.broker.topics).length === 0 &&
      s.scenario.topology.aggregates === undefined,
  );
  // Views a scenario may not have are not rendered at all then: each would still follow every stage of
  // a step (a 1,000-record poll's effects) before drawing nothing.
  const cqrs = useRun(hasCqrsPath);
  const readModels = useRun(hasReadModels);
  const [selected, setSelected] = useState<string | null>(null);
  const tablesShown = useAfterFirstFrame();
  const card = useRef<HTMLDivElement>(null);
  // A practice still hiding its reference: an arrow or Space would step into the run it hides.
  usePlaybackKeys(!usePracticeGate().gated);
  // Plays each step's stages (send, land, fetch, commit…) on the diagram when the learner steps forward.
  useStageDriver(useReducedMotion());
  return (
    <main className="player">
      <header className="player-head">
        <a href="#/" className="back">
          ← All scenarios
        </a>
        <h1>{title}</h1>
        <span className="badge">{level}</span>
        <ErrorBoundary part="the scenario’s actions">
          <ScenarioActions />
        </ErrorBoundary>
      </header>
      <ProgressRecorder />
      <PracticeGate>
        <ErrorBoundary part="the playback controls">
          <PlaybackBar />
        </ErrorBoundary>
        <ErrorBoundary part="the step bar">
          <StepBar card={card} />
        </ErrorBoundary>
        <div className="stage">
          <div className="views">
            <ErrorBoundary part="the design editor">
              <EditorPanel />
            </ErrorBoundary>
            <ErrorBoundary part="the design comparison">
              <DesignComparePanel />
            </ErrorBoundary>
            <ErrorBoundary part="the practice panel">
              <PracticePanel />
            </ErrorBoundary>
            {cqrs && (
              <ErrorBoundary part="the CQRS overview">
                <CqrsOverview />
              </ErrorBoundary>
            )}
            <ErrorBoundary part="the specs">
              <SpecsPanel />
            </ErrorBoundary>
            {hasTopics && (
              <Collapsible title="Topics, partitions and consumer groups" className="panel view">
                <ErrorBoundary part="the topics and consumer groups">
                  <LiveBrokerView onSelectEvent={setSelected} />
                </ErrorBoundary>
                <p className="legend">
                  Each row is a partition: an append-only log whose boxes are records numbered by offset; a dashed box
                  is where the next record will go. Lettered tags mark each group’s committed offset (the next record it
                  will read). Hover or click a group’s heading to see its partitions; select a record to see why it went
                  to its partition.
                </p>
              </Collapsible>
            )}
            <ErrorBoundary part="the replicas">
              <ReplicasView />
            </ErrorBoundary>
            <ErrorBoundary part="the saga orchestrator">
              <SagaView />
            </ErrorBoundary>
            <ErrorBoundary part="the schema registry">
              <RegistryView />
            </ErrorBoundary>
            <ErrorBoundary part="the stream processors">
              <StreamsView />
            </ErrorBoundary>
            <ErrorBoundary part="the personal data and key store">
              <PrivacyView />
            </ErrorBoundary>
            <ErrorBoundary part="the traces and alerts">
              <TracingView />
            </ErrorBoundary>
            <ErrorBoundary part="the two regions">
              <MirrorView />
            </ErrorBoundary>
            <ErrorBoundary part="the poll loop">
              <PollLoopView />
            </ErrorBoundary>
            <ErrorBoundary part="the event store">
              <EventStoreView selectedEventId={selected} onSelectEvent={setSelected} />
            </ErrorBoundary>
            {readModels && (
              <ErrorBoundary part="the read models">
                <ReadModelsView />
              </ErrorBoundary>
            )}
            <ErrorBoundary part="the queue">
              <QueueView />
            </ErrorBoundary>
          </div>
          <aside className="side">
            {/* The step's text and its question: the part of the side column that stays in view while stepping. */}
            <div className="side-now" ref={card}>
              <ErrorBoundary part="the narration">
                <NarrationPanel />
              </ErrorBoundary>
              <ErrorBoundary part="the question">
                <QuestionPanel />
              </ErrorBoundary>
            </div>
            <ErrorBoundary part="what just happened">
              <EffectsList />
            </ErrorBoundary>
            <ErrorBoundary part="the actions that change the story">
              <LearnerActions />
            </ErrorBoundary>
            <ErrorBoundary part="the faults">
              <FaultsPanel />
            </ErrorBoundary>
            <ErrorBoundary part="the branches">
              <BranchesPanel />
            </ErrorBoundary>
            <ErrorBoundary part="the storage status">
              <StorageStatus />
            </ErrorBoundary>
          </aside>
          {/* In the stage (under the views), so the side column's text stays in view beside the tables too. */}
          <div className="tables">
            {tablesShown && !replicasOnly && (
              <ErrorBoundary part="the event log">
                <EventLogTable onInspect={setSelected} selected={selected} />
              </ErrorBoundary>
            )}
            {tablesShown && (
              <ErrorBoundary part="the consumer groups table">
                <GroupsTable />
              </ErrorBoundary>
            )}
          </div>
        </div>
      </PracticeGate>
      {selected && (
        <ErrorBoundary part="the inspector">
          <InspectorDrawer eventId={selected} onSelect={setSelected} onClose={() => setSelected(null)} />
        </ErrorBoundary>
      )}
    </main>
  );
}

/**
 * False until the page's first frame with the player is drawn. The tables under the views (a long
 * run's event log builds its rows from every record) are rendered just after it, interruptibly, so a
 * page opened at a step draws the step without waiting for them; they are last in the stage, so
 * nothing above them moves when they come (bench/browser/openAtStep.bench.spec.ts).
 */
function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (after) return;
    const show = () => startTransition(() => setAfter(true));
    // After the frame's paint (a task queued from its animation frame); a hidden tab, which draws no
    // frames, shows them a moment later anyway.
    let timer = window.setTimeout(show, 200);
    const frame = requestAnimationFrame(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(show, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [after]);
  return after;
}

/**
 * The inspector as a drawer on the viewport's right edge (a non-modal dialog): beside the diagram and
 * in view wherever the learner asked for it. Focus goes into it when it opens and back to what opened
 * it (a record, a row's Inspect button) when Escape or Close shuts it.
 */
function InspectorDrawer({ eventId, onSelect, onClose }: InspectorProps & { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  // Opening, or another event chosen from outside (a row, a record) while it is open: focus comes (back) in.
  useEffect(() => {
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) {
      opener.current = document.activeElement;
      el.focus({ preventScroll: true });
    }
  }, [eventId]);
  const close = () => {
    const back = opener.current;
    const hadFocus = ref.current?.contains(document.activeElement) ?? false;
    if (hadFocus && (back instanceof HTMLElement || back instanceof SVGElement) && back.isConnected)
      back.focus({ preventScroll: true });
    onClose();
  };
  return (
    <dialog
      ref={ref}
      open
      className="drawer"
      aria-label="Inspector"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <button type="button" className="drawer-close" onClick={close} aria-label="Close the inspector">
        ×
      </button>
      <Inspector eventId={eventId} onSelect={onSelect} />
    </dialog>
  );
}
