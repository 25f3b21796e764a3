/**
 * Compare a learner's design with a reference design (the ride-sharing practice), point by point:
 * its events (names, fields, schema versions, past-tense naming), how each topic is keyed, which
 * consumer groups react to which events and how they commit, and how the race between two actors
 * issuing the same command is handled. Every point is derived from the two scenarios' data.
 */
import type { ScenarioDef } from '../schema';
import { consumerPoints } from './consumerPoints';
import { eventPoint, namingPoint } from './eventPoints';
import { readDesign } from './facts';
import { findTopic, keyPoint } from './keyPoints';
import { matchNames } from './names';
import { type ComparisonPoint, type ComparisonTopic } from './points';
import { racePoints } from './racePoints';

export type { ComparisonPoint, ComparisonStatus, ComparisonTopic } from './points';

export const COMPARISON_TOPICS: readonly { topic: ComparisonTopic; title: string }[] = [
  { topic: 'events', title: 'Events' },
  { topic: 'keys', title: 'Keys and partitions' },
  { topic: 'consumers', title: 'Consumers' },
  { topic: 'race', title: 'The race: two drivers accept the same ride' },
];

export function compareDesign(learner: ScenarioDef, reference: ScenarioDef): ComparisonPoint[] {
  const ref = readDesign(reference);
  const mine = readDesign(learner);
  const events = matchNames([...ref.events.keys()], [...mine.events.keys()]);
  const mapEvent = (name: string) => events.get(name)?.name ?? name;
  return [
    ...[...ref.events.values()].map((e) => eventPoint(e, events.get(e.name), mine, reference)),
    namingPoint(ref, mine),
    ...ref.topics.map((t) => keyPoint(t, findTopic(t, ref, mine, mapEvent))),
    ...consumerPoints(ref, mine, mapEvent),
    ...racePoints(learner, reference, mapEvent, mine),
  ];
}
