import { useEffect, useState } from 'react';
import { useRun } from '../state/react';
import { useStageDriver } from '../state/stageClock';
import { useReducedMotion } from '../viz/components/useReducedMotion';
import { CqrsOverview } from '../viz/components/CqrsOverview';
import { EventStoreView } from '../viz/components/EventStoreView';
import { LiveBrokerView } from '../viz/components/LiveBrokerView';
import { QueueView } from '../viz/components/QueueView';
import { ReadModelsView } from '../viz/components/ReadModelsView';
import { NarrationPanel } from './NarrationPanel';
import { PlaybackBar } from './PlaybackBar';
import { QuestionPanel } from './QuestionPanel';
import { usePlaybackKeys } from './usePlaybackKeys';

/**
 * The player sized for an iframe on a blog or course page: playback, the main view and the
 * narration, read-only (no learner actions, no fork; the run plays in memory, nothing is stored).
 * "Open in Event Lab" leads to the full app at the step on screen.
 */
export function EmbedPlayer({
  openHref,
}: {
  /** The full app's address for a step (resolves asynchronously for share links). */ openHref: (
    step: number,
  ) => Promise<string>;
}) {
  const title = useRun((s) => s.scenario.title);
  const step = useRun((s) => s.step);
  const hasTopics = useRun((s) => Object.keys(s.world.broker.topics).length > 0);
  const [href, setHref] = useState<string | null>(null);
  usePlaybackKeys();
  // Plays each step's stages (send, land, fetch, commit…) on the diagram when the learner steps forward.
  useStageDriver(useReducedMotion());
  useEffect(() => {
    let current = true;
    void openHref(step).then((h) => current && setHref(h));
    return () => {
      current = false;
    };
  }, [openHref, step]);

  return (
    <div className="embed">
      <header className="embed-head">
        <h1>{title}</h1>
        {href && (
          <a href={href} target="_blank" rel="noopener" className="embed-open">
            Open in Event Lab
          </a>
        )}
      </header>
      <PlaybackBar />
      <div className="embed-body">
        <div className="embed-view">
          <CqrsOverview />
          {hasTopics ? <LiveBrokerView /> : <EventStoreView />}
          <ReadModelsView />
          <QueueView />
        </div>
        <div className="embed-text">
          <NarrationPanel />
          <QuestionPanel />
        </div>
      </div>
    </div>
  );
}
