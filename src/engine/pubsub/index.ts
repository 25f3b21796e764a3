/** The Pub/Sub profile's public entry point. */
export * from './constants';
export { ack, modifyAckDeadline, pushResponse, type AckRequest } from './ack';
export { createPubsub, createSnapshot, createSubscription, createTopic, type SubscriptionOptions } from './admin';
export { apply, type PubsubRequest } from './apply';
export { advanceTo } from './clock';
export { pull } from './deliver';
export { filterProblem, matchesFilter } from './filter';
export { publish, resumePublish, type PublishRequest } from './publish';
export { seek } from './seek';
export type * from './types';
