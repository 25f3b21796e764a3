/**
 * Renaming a thing everywhere it is referred to. The scenario index knows every place a scenario
 * names one of its parts (by the format's shape: an event's data field that happens to be called
 * `topic` is data), so a rename replaces exactly those strings — a step's narration that mentions
 * the name is left alone.
 */
import { indexScenario, refsTo, type RefKind } from '../index/scenarioIndex';
import { setIn } from './paths';

export type { RefKind } from '../index/scenarioIndex';

export const refKindLabel: Record<RefKind, string> = {
  eventType: 'event type',
  topic: 'topic',
  group: 'consumer group',
  producer: 'producer',
  aggregate: 'aggregate',
  projection: 'projection',
  queue: 'queue',
};

/** How many places refer to `name` as a thing of this kind. */
export const countReferences = (doc: unknown, kind: RefKind, name: string): number =>
  refsTo(indexScenario(doc), kind, name).length;

/** The draft with every reference to `from` (as a thing of this kind) now naming `to`. */
export function renameReferences(doc: unknown, kind: RefKind, from: string, to: string): unknown {
  if (from === to) return doc;
  return refsTo(indexScenario(doc), kind, from).reduce((d, r) => setIn(d, r.path, to), doc);
}
