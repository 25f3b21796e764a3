import { useState } from 'react';
import { useRun } from '../state/react';
import { CqrsOverview } from '../viz/components/CqrsOverview';
import { EffectsList } from '../viz/components/EffectsList';
import { EventStoreView } from '../viz/components/EventStoreView';
import { Inspector } from '../viz/components/Inspector';
import { LiveBrokerView } from '../viz/components/LiveBrokerView';
import { QueueView } from '../viz/components/QueueView';
import { ReadModelsView } from '../viz/components/ReadModelsView';
import { BranchesPanel } from './BranchesPanel';
import { Collapsible } from './Collapsible';
import { DesignComparePanel } from './DesignComparePanel';
import { EditorPanel } from './EditorPanel';
import { EventLogTable } from './EventLogTable';
import { GroupsTable } from './GroupsTable';
import { LearnerActions } from './LearnerActions';
import { NarrationPanel } from './NarrationPanel';
import { PlaybackBar } from './PlaybackBar';
import { PracticePanel } from './PracticePanel';
import { QuestionPanel } from './QuestionPanel';
import { ScenarioActions } from './ScenarioActions';
import { StorageStatus } from './StorageStatus';
import { usePlaybackKeys } from './usePlaybackKeys';

/** A scenario being played: the animated system, the story so far, the controls and the tables. */
export function Player() {
  const title = useRun((s) => s.scenario.title);
  const level = useRun((s) => s.scenario.level);
  const hasTopics = useRun((s) => Object.keys(s.world.broker.topics).length > 0);
  const [selected, setSelected] = useState<string | null>(null);
  usePlaybackKeys();
  return (
    <div className="player">
      <header className="player-head">
        <a href="#/" className="back">
          ← All scenarios
        </a>
        <h1>{title}</h1>
        <span className="badge">{level}</span>
        <ScenarioActions />
      </header>
      <PlaybackBar />
      <div className="stage">
        <div className="views">
          <EditorPanel />
          <DesignComparePanel />
          <PracticePanel />
          <CqrsOverview />
          {hasTopics && (
            <Collapsible title="Topics, partitions and consumer groups" className="panel view">
              <LiveBrokerView onSelectEvent={setSelected} />
              <p className="legend">
                Each row is a partition: an append-only log whose boxes are records numbered by offset; a dashed box is where the next record
                will go. Lettered tags mark each group’s committed offset (the next record it will read). Hover or click a group’s heading to see
                its partitions; select a record to see why it went to its partition.
              </p>
            </Collapsible>
          )}
          <EventStoreView selectedEventId={selected} onSelectEvent={setSelected} />
          <ReadModelsView />
          <QueueView />
        </div>
        <aside className="side">
          <NarrationPanel />
          <QuestionPanel />
          <EffectsList />
          {selected && <Inspector eventId={selected} onSelect={setSelected} />}
          <LearnerActions />
          <BranchesPanel />
          <StorageStatus />
        </aside>
      </div>
      <div className="tables">
        <EventLogTable onInspect={setSelected} selected={selected} />
        <GroupsTable />
      </div>
    </div>
  );
}
