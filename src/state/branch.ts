/**
 * Branching: a learner's action at step j starts a new run of the same scenario that keeps the
 * parent's story up to step j, then the action as step j+1. The parent is never changed.
 */
import { changesTheStory, type LearnerInput } from '../engine/types';
import { describeFault } from '../scenarios/faults/describe';

/** Inputs of a branch taken at `step` of a run whose inputs are `parentInputs`. */
export function branchInputs(
  parentInputs: readonly LearnerInput[],
  step: number,
  action: LearnerInput,
): LearnerInput[] {
  // A story input recorded at step s is run step s+1, so the parent's steps 1…j keep those with s < j.
  const kept = parentInputs.filter((i) => (changesTheStory(i) ? i.atStep < step : i.atStep <= step));
  return [...kept, { ...action, atStep: step }];
}

/** A short, readable description of a learner action, for branch titles. */
export function describeInput(input: LearnerInput): string {
  switch (input.kind) {
    case 'produce':
      return `produce ${input.key === null ? 'a keyless record' : `key "${input.key}"`} to ${input.topic}`;
    case 'add-consumer':
      return `add ${input.memberId} to ${input.groupId}`;
    case 'remove-consumer':
      return `remove ${input.memberId} from ${input.groupId}`;
    case 'crash-consumer':
      return `crash ${input.memberId} in ${input.groupId}`;
    case 'add-partitions':
      return `grow ${input.topic} to ${input.count} partitions`;
    case 'reset-group':
      return `reset ${input.groupId} on ${input.topic} to ${typeof input.to === 'string' ? input.to : 'offset' in input.to ? `offset ${input.to.offset}` : `time ${input.to.timestamp}`}`;
    case 'answer':
      return `answer ${input.questionId}`;
    default:
      return describeFault(input);
  }
}

/** True when every code unit of the key is part of well-formed UTF-16 (no lone surrogate). */
export function isWellFormedKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = key.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
