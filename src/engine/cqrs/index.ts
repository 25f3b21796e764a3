export {
  createInMemoryCheckpointStore,
  createInMemorySnapshotStore,
  type CheckpointRecord,
  type CheckpointStore,
  type SnapshotRecord,
  type SnapshotStore,
} from './ports';
export { createUpcasterChain, noUpcasters, type Upcaster, type UpcasterChain, type UpcastResult } from './upcasters';
export {
  eventsFromDrafts,
  handleCommand,
  isRejection,
  loadAggregate,
  reject,
  type AggregateDefinition,
  type AggregateDeps,
  type Command,
  type CommandResult,
  type EventDraft,
  type LoadedAggregate,
  type Rejection,
} from './aggregate';
export {
  applyToProjection,
  initialCheckpoint,
  projectEvents,
  type Applied,
  type Projection,
  type ProjectionCheckpoint,
} from './projection';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type QueryAnswer,
} from './projectionRunner';
export { createRelay, type PublishReceipt, type Relay, type RelayOptions, type RelayPumpResult } from './relay';
