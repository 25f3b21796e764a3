/**
 * Rubric point "each entity's events keyed so their order holds": Kafka keeps order within a
 * partition only, so every topic carrying an entity's events must key them by that entity's id. Relay
 * routes are checked against the id field of each aggregate event they carry (`idFieldOf`); a
 * service's or a producer's publish must carry a key taken from the event (not none, not a constant).
 */
import { list } from '../../compare/points';
import { idFieldOf, readDesign } from '../../compare/facts';
import { indexScenario } from '../../index/scenarioIndex';
import type { ScenarioDef } from '../../schema';
import { capitalize, STUDY } from '../study';
import type { RubricResult } from '../types';

const refOf = (v: unknown): string | null =>
  v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { ref?: unknown }).ref === 'string'
    ? (v as { ref: string }).ref
    : null;

/** The data field a relay key reads (`event.data.rideId` → rideId; the stream id counts as the aggregate id). */
const keyField = (key: unknown): string | null => {
  const ref = refOf(key);
  return ref ? (/^(?:event\.data|data)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref)?.[1] ?? ref) : null;
};

export function keysPoint(s: ScenarioDef): RubricResult {
  const problems: string[] = [];
  const stored = indexScenario(s).stored;
  s.topology.relay?.routes.forEach((route) => {
    const field = keyField(route.key);
    // Event types keyed wrongly, grouped by the id they should be keyed by.
    const wrong = new Map<string, string[]>();
    for (const type of route.eventTypes ?? stored) {
      const id = idFieldOf(s, type);
      if (id && field !== 'event.streamId' && field !== id) wrong.set(id, [...(wrong.get(id) ?? []), type]);
    }
    for (const [id, types] of wrong)
      problems.push(
        field === null
          ? `the relay publishes ${list(types, 3)} to ${route.topic} without the ${id} as key`
          : `the relay keys ${list(types, 3)} on ${route.topic} by ${field}, not ${id}`,
      );
  });
  for (const topic of readDesign(s).topics)
    for (const use of topic.keys) {
      if (use.via.startsWith('relay route')) continue;
      if (use.kind === 'none') problems.push(`${use.via} publishes to ${topic.name} without a key`);
      else if (use.kind === 'constant')
        problems.push(`${use.via} publishes to ${topic.name} with the fixed key "${use.value}"`);
    }
  const base = { id: 'keys' as const, title: "Each entity's events keyed by its id", study: STUDY.keys };
  if (problems.length === 0) {
    const keyed = readDesign(s)
      .topics.filter((t) => t.keys.length > 0)
      .map((t) => t.name);
    return {
      ...base,
      pass: true,
      feedback: `Every record on ${list(keyed)} is keyed by the id of the entity it belongs to, so one entity's events stay in order in one partition.`,
    };
  }
  const shown = [...new Set(problems)];
  return {
    ...base,
    pass: false,
    feedback: `${capitalize(list(shown, 3))}: one entity's events can land in different partitions and be read out of order.`,
  };
}
