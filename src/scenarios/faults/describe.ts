/** A fault in words: the title of its step (narration) and a short phrase for branch titles. */
import type { FaultInput } from './inject';
import { formatDuration, plural } from './words';

/** The step's title, told to the learner ("You …"). */
export function faultTitle(input: FaultInput): string {
  switch (input.kind) {
    case 'crash-consumer-before-commit':
      return `You set ${input.memberId} to crash before its next commit`;
    case 'pause-consumer':
      return `You paused ${input.memberId} for ${plural(input.steps, 'step')}`;
    case 'slow-consumer':
      return `You slowed ${input.memberId} to ${formatDuration(input.processingMs)} per batch`;
    case 'poison-message':
      return `You produced a poison message to ${input.topic}`;
    case 'duplicate-delivery':
      return `You set up a duplicate delivery to ${input.memberId}`;
    case 'drop-producer-connection':
      return `You dropped ${input.producerId}'s connection`;
    case 'slow-projection':
      return `You slowed the projection ${input.projection}`;
    case 'kill-broker':
      return `You killed broker ${input.broker}`;
    case 'restart-broker':
      return `You restarted broker ${input.broker}`;
  }
}

/** A short phrase for branch titles ("crash billing-1 before its commit"). */
export function describeFault(input: FaultInput): string {
  switch (input.kind) {
    case 'crash-consumer-before-commit':
      return `crash ${input.memberId} in ${input.groupId} before its commit`;
    case 'pause-consumer':
      return `pause ${input.memberId} in ${input.groupId} for ${plural(input.steps, 'step')}`;
    case 'slow-consumer':
      return `slow ${input.memberId} in ${input.groupId} to ${formatDuration(input.processingMs)} per batch`;
    case 'poison-message':
      return `poison message ${input.key === null ? 'without a key' : `with key "${input.key}"`} to ${input.topic}`;
    case 'duplicate-delivery':
      return `duplicate delivery to ${input.memberId} in ${input.groupId}`;
    case 'drop-producer-connection':
      return `drop ${input.producerId}'s connection`;
    case 'slow-projection':
      return `slow ${input.projection} by ${formatDuration(input.lagMs)} for ${plural(input.steps, 'step')}`;
    case 'kill-broker':
      return `kill broker ${input.broker}`;
    case 'restart-broker':
      return `restart broker ${input.broker}`;
  }
}

/** Every fault kind, checked complete by the compiler (a new kind must be added here). */
const FAULT_KINDS: Readonly<Record<FaultInput['kind'], true>> = {
  'crash-consumer-before-commit': true,
  'pause-consumer': true,
  'slow-consumer': true,
  'poison-message': true,
  'duplicate-delivery': true,
  'drop-producer-connection': true,
  'slow-projection': true,
  'kill-broker': true,
  'restart-broker': true,
};

/** Whether a learner input is a fault (and not one of the older story-changing actions). */
export const isFault = (input: { kind: string }): input is FaultInput => Object.hasOwn(FAULT_KINDS, input.kind);
