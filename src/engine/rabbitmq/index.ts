/** The RabbitMQ 3.10.8 profile: the public entry point. */
export { apply } from './apply';
export { advanceTo } from './time';
export { createRabbit } from './rabbitState';
export type * from './rabbitState';
export type { RabbitEffect, RabbitEffectKind, RabbitStep } from './effects';
export type { RabbitRequest, RabbitRequestKind } from './requests';
export type { StreamOffset } from './consumers';
export type { PublishProperties } from './publish';
export { topicMatches, headersMatch, route } from './routing';
export * from './constants';
