/** Two Kafka clusters and MirrorMaker 2 between them, as pure functions from (state, request, now) to { state, effects }. */
export * from './effects';
export * from './policy';
export * from './syncWriter';
export * from './syncStore';
export * from './mirrorState';
export { mirror, type MirrorRequest } from './replicate';
export {
  emitCheckpoints,
  latestCheckpoint,
  EMIT_CHECKPOINTS_INTERVAL_SECONDS_DEFAULT,
  SYNC_GROUP_OFFSETS_ENABLED_DEFAULT,
} from './checkpoints';
export {
  produceIn,
  consumeIn,
  regionDown,
  regionUp,
  failover,
  type RegionProduce,
  type RegionConsume,
} from './clients';
