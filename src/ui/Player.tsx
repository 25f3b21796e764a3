import { useRun } from '../state/react';
import { LiveBrokerView } from '../viz/components/LiveBrokerView';
import { BranchesPanel } from './BranchesPanel';
import { EventLogTable } from './EventLogTable';
import { GroupsTable } from './GroupsTable';
import { LearnerActions } from './LearnerActions';
import { NarrationPanel } from './NarrationPanel';
import { PlaybackBar } from './PlaybackBar';
import { QuestionPanel } from './QuestionPanel';
import { StorageStatus } from './StorageStatus';
import { usePlaybackKeys } from './usePlaybackKeys';

/** A scenario being played: the animated system, the story so far, the controls and the tables. */
export function Player() {
  const title = useRun((s) => s.scenario.title);
  const level = useRun((s) => s.scenario.level);
  usePlaybackKeys();
  return (
    <div className="player">
      <header className="player-head">
        <a href="#/" className="back">
          ← All scenarios
        </a>
        <h1>{title}</h1>
        <span className="badge">{level}</span>
      </header>
      <PlaybackBar />
      <div className="stage">
        <section className="panel view" aria-label="System view">
          <LiveBrokerView />
          <p className="legend">
            Each row is a partition: an append-only log whose boxes are records numbered by offset. A dashed box is where the next record
            will go. Coloured triangles mark each group’s committed offset — the next record that group will read.
          </p>
        </section>
        <aside className="side">
          <NarrationPanel />
          <QuestionPanel />
          <LearnerActions />
          <BranchesPanel />
          <StorageStatus />
        </aside>
      </div>
      <div className="tables">
        <EventLogTable />
        <GroupsTable />
      </div>
    </div>
  );
}
