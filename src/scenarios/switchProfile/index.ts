/** Switching a built-in (Kafka-shaped) scenario onto another broker profile: pure, deterministic. */
export { switchScenario, TARGETS, isTarget } from './switchScenario';
export type { Frame, Note, SwitchedDelivery, SwitchResult, TargetProfile, Untranslated } from './types';
