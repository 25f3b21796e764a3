/** The NATS profile (nats-server 2.9.10): core subjects, queue groups, request-reply, JetStream streams and consumers. */
export * from './constants';
export * from './effects';
export * from './natsState';
export type { NatsStep } from './step';
export { isLiteral, isValidSubject, isSubsetMatch, subjectMatches } from './subjects';
export { connect, read, subscribe, unsubscribe } from './core';
export { publish, request, type PublishRequest } from './publish';
export { addStream, recordSize, type PubAck, type StreamRequest } from './stream';
export {
  addConsumer,
  consumerInfo,
  deleteConsumer,
  numPending,
  type ConsumerInfo,
  type ConsumerRequest,
} from './consumer';
export { fetch, pushAll } from './delivery';
export { acknowledge, parseAckReply, type AckKind, type AckRequest } from './acks';
export { advanceTo } from './time';
export { apply, type NatsRequest } from './apply';
