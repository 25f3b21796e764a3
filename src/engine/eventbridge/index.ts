/** The EventBridge profile's public entry point. */
export * from './constants';
export { createArchive, createBus, createEventBridge, putRule, putTargets, setHealth, type TargetSpec } from './admin';
export { apply, type EbRequest } from './apply';
export { advanceTo } from './clock';
export { matchPattern, patternProblem } from './pattern';
export { putEvents, type EntrySpec } from './put';
export { startReplay, type ReplayRequest } from './replay';
export type * from './types';
