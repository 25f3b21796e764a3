/** The SQS/SNS profile's public entry point. */
export * from './constants';
export { apply, send, publishAt, type SqsRequest } from './apply';
export { advanceTo } from './clock';
export { changeMessageVisibility, deleteMessage, receiveMessage, type ReceiveRequest } from './consume';
export { evaluatePolicy, policyProblem, type FilterPolicy } from './filterPolicy';
export { createQueue, createSqs, type QueueOptions, type SendRequest } from './queue';
export { createTopic, envelope, publish, subscribe, type PublishRequest, type SubscribeRequest } from './sns';
export type * from './types';
