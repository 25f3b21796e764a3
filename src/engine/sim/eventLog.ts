/**
 * Moved: the event log is `engine/eventstore/log.ts` (one pure log for the world and the in-memory
 * store). This re-export lasts only until every importer names the new place.
 */
export {
  emptyLog,
  eventAt,
  eventsAfter,
  eventsOfStream,
  headPosition,
  streamRevision,
  type EventLog,
} from '../eventstore/log';
