import type { BrokerState } from '../engine/broker';
import { groupLag } from './lagSeries';

/**
 * When a story ends with consumers behind, say so and why, from the world on screen: a scenario
 * stops polling a group once its part is told, so a learner would otherwise wonder whether "lag 11"
 * at the end is a fault. Null when every group has read everything it committed past.
 */
export function endingLagNote(broker: BrokerState): string | null {
  const behind = Object.keys(broker.groups)
    .map((id) => ({ id, lag: groupLag(broker, id).lag ?? 0 }))
    .filter((g) => g.lag > 0);
  if (behind.length === 0) return null;
  const list = behind.map((g) => `${g.id} ${g.lag} record${g.lag === 1 ? '' : 's'}`).join(', ');
  return `The story ends with ${behind.length === 1 ? 'a group' : 'groups'} behind (lag: ${list}): those records sit past ${behind.length === 1 ? 'its' : 'their'} committed offsets, because the story stops polling a group once its part is told. The records wait in the log; a running service would poll again and catch up. Lag only means work waiting — it is a problem when it keeps growing, which is when you make processing faster or add consumers (up to the partition count).`;
}
