import type { Effect, LearnerInput, Narration } from '../engine/types';
import { quoteKey } from '../engine/broker/partitioner';
import { describeFault, faultTitle, isFault } from './faults/describe';
import type { FaultInput } from './faults/inject';
import { summariseEffects } from './effectSummary';

const titles: Record<Exclude<LearnerInput['kind'], FaultInput['kind']>, (i: never) => string> = {
  produce: (i: Extract<LearnerInput, { kind: 'produce' }>) =>
    `You produced a record${i.key === null ? ' without a key' : ` with key "${i.key}"`}`,
  'add-consumer': (i: Extract<LearnerInput, { kind: 'add-consumer' }>) => `You added ${i.memberId} to ${i.groupId}`,
  'remove-consumer': (i: Extract<LearnerInput, { kind: 'remove-consumer' }>) =>
    `You stopped ${i.memberId} in ${i.groupId}`,
  'crash-consumer': (i: Extract<LearnerInput, { kind: 'crash-consumer' }>) =>
    `You crashed ${i.memberId} in ${i.groupId}`,
  'add-partitions': (i: Extract<LearnerInput, { kind: 'add-partitions' }>) =>
    `You grew ${i.topic} to ${i.count} partitions`,
  'reset-group': (i: Extract<LearnerInput, { kind: 'reset-group' }>) =>
    `You reset ${i.groupId}'s offsets on ${i.topic}`,
  answer: () => 'You answered',
};

/** What the learner tried, for a refused action's title ("You tried to reset billing's offsets on orders"). */
const attempts: Record<Exclude<LearnerInput['kind'], FaultInput['kind']>, (i: never) => string> = {
  produce: (i: Extract<LearnerInput, { kind: 'produce' }>) =>
    `produce a record${i.key === null ? ' without a key' : ` with key "${i.key}"`}`,
  'add-consumer': (i: Extract<LearnerInput, { kind: 'add-consumer' }>) => `add ${i.memberId} to ${i.groupId}`,
  'remove-consumer': (i: Extract<LearnerInput, { kind: 'remove-consumer' }>) => `stop ${i.memberId} in ${i.groupId}`,
  'crash-consumer': (i: Extract<LearnerInput, { kind: 'crash-consumer' }>) => `crash ${i.memberId} in ${i.groupId}`,
  'add-partitions': (i: Extract<LearnerInput, { kind: 'add-partitions' }>) =>
    `grow ${i.topic} to ${i.count} partitions`,
  'reset-group': (i: Extract<LearnerInput, { kind: 'reset-group' }>) => `reset ${i.groupId}'s offsets on ${i.topic}`,
  answer: () => 'answer',
};

/**
 * The step's heading, true of what happened: an action the system refused (its first effect is the refusal,
 * e.g. offsets reset while the group has members) is titled as tried and refused, not as done.
 */
function titleOf(input: LearnerInput, effects: readonly Effect[]): string {
  const refused = effects[0] !== undefined && /rejected$|refused$/.test(effects[0].kind);
  if (!refused) return isFault(input) ? faultTitle(input) : (titles[input.kind] as (i: LearnerInput) => string)(input);
  const tried = isFault(input) ? describeFault(input) : (attempts[input.kind] as (i: LearnerInput) => string)(input);
  return `You tried to ${tried}: refused`;
}

/** Narration for a step that left the script: told from the effects' own reasons. */
export function narrateEffects(input: LearnerInput, effects: readonly Effect[]): Narration {
  const title = titleOf(input, effects);
  if (effects.length === 0) return { title, text: 'Nothing changed in the system.', generated: true };
  const { text, all } = summariseEffects(effects, reasonOf);
  return { title, text, generated: true, ...(all && { allEffects: all }) };
}

const reasonOf = (e: Effect): string => (e.kind === 'partitions-added' ? partitionsAdded(e) : e.reason);

/**
 * Adding partitions, told from the effect's fields: producers partition with the count in their cached
 * metadata and learn the new one only at their next refresh (metadata.max.age.ms, 5 min by default;
 * KafkaProducer.partition uses cluster.partitionsForTopic from Metadata), so keyed records keep going to
 * hash mod the old count until then.
 */
function partitionsAdded(e: Extract<Effect, { kind: 'partitions-added' }>): string {
  const moved = e.movedKeys.length;
  const sample = e.movedKeys
    .slice(0, 3)
    .map((m) => `${quoteKey(m.key)} p${m.from}→p${m.to}`)
    .join(', ');
  const keys =
    moved === 0
      ? 'no key written so far changes partition'
      : `${moved} key${moved === 1 ? '' : 's'} written so far will map elsewhere (${sample}${moved > 3 ? ', …' : ''}), so their new records will not follow their old ones`;
  return `'${e.topic}' grew from ${e.from} to ${e.to} partitions. Old records stay where they are. A producer partitions with the count in its cached metadata, so it keeps using toPositive(murmur2(key)) mod ${e.from} until its next metadata refresh (metadata.max.age.ms, 5 minutes by default), and mod ${e.to} after it: ${keys}`;
}
