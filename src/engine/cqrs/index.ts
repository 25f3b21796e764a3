export { createUpcasterChain, noUpcasters, type Upcaster, type UpcasterChain, type UpcastResult } from './upcasters';
export {
  isRejection,
  loadAggregate,
  reject,
  type AggregateDefinition,
  type AggregateSnapshot,
  type Command,
  type EventDraft,
  type LoadedAggregate,
  type Rejection,
  type Snapshots,
} from './aggregate';
export { handleCommand, type CommandContext, type CommandOutcome } from './command';
export {
  applyToProjection,
  catchUpProjection,
  initialCheckpoint,
  projectEvents,
  type Applied,
  type Projection,
  type ProjectionCheckpoint,
} from './projection';
export { relayFromLog, type Published, type RelayOptions, type RelayRun } from './relay';
