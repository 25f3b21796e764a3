export { createInMemoryEventStore, type InMemoryEventStore, type InMemoryEventStoreOptions } from './memoryStore';
export { WrongExpectedVersionError, isWrongExpectedVersionError } from './errors';
export {
  decideAppend,
  decideAsync,
  decideSync,
  inRecentIdsCache,
  RECENT_EVENT_IDS_CAPACITY,
  checkBatch,
  normalizeBatch,
  toRecorded,
  validateExpected,
  validateReadAll,
  validateReadStream,
  type AppendDecision,
  type EventRef,
  type NormalizedEvent,
  type Probe,
  type ProbeAnswer,
} from './appendRules';
export {
  appendToLog,
  decideOnLog,
  emptyLog,
  eventAt,
  eventsAfter,
  eventsOfStream,
  headPosition,
  readAllOf,
  readStreamOf,
  recordOnLog,
  streamRevision,
  type EventLog,
  type LogAppend,
} from './log';
export { SubscriptionHub, type ReadPage } from './subscriptions';
