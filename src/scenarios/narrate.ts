import type { Effect, LearnerInput, Narration } from '../engine/types';

const titles: Record<LearnerInput['kind'], (i: never) => string> = {
  produce: (i: Extract<LearnerInput, { kind: 'produce' }>) => `You produced a record${i.key === null ? ' without a key' : ` with key "${i.key}"`}`,
  'add-consumer': (i: Extract<LearnerInput, { kind: 'add-consumer' }>) => `You added ${i.memberId} to ${i.groupId}`,
  'remove-consumer': (i: Extract<LearnerInput, { kind: 'remove-consumer' }>) => `You stopped ${i.memberId} in ${i.groupId}`,
  'crash-consumer': (i: Extract<LearnerInput, { kind: 'crash-consumer' }>) => `You crashed ${i.memberId} in ${i.groupId}`,
  'add-partitions': (i: Extract<LearnerInput, { kind: 'add-partitions' }>) => `You grew ${i.topic} to ${i.count} partitions`,
  'reset-group': (i: Extract<LearnerInput, { kind: 'reset-group' }>) => `You reset ${i.groupId}'s offsets on ${i.topic}`,
  answer: () => 'You answered',
};

/** Narration for a step that left the script: told from the effects' own reasons. */
export function narrateEffects(input: LearnerInput, effects: readonly Effect[]): Narration {
  const title = (titles[input.kind] as (i: LearnerInput) => string)(input);
  const text = effects.length
    ? effects.map((e) => capitalise(e.reason) + (/[.!?]$/.test(e.reason) ? '' : '.')).join(' ')
    : 'Nothing changed in the system.';
  return { title, text, generated: true };
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
