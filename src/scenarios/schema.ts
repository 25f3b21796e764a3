/**
 * The scenario format (version 1): versioned JSON, validated before use. Built-in, forked and
 * imported scenarios all pass through `parseScenario`; behaviour is data (state charts, guard
 * expressions, projection operations, upcaster operations), never code.
 */
// The format lives in format/ by part (building blocks, messaging, event model, actions, expectations, script, the
// whole document); this file is its one entry point, so importers name the format, not its layout.
export * from './format/basics';
export * from './format/messaging';
export * from './format/eventModel';
export * from './format/replication';
export * from './format/sagas';
export * from './format/registry';
export * from './format/mirror';
export * from './format/streams';
export * from './format/privacy';
export * from './format/specs';
export * from './format/actions';
export * from './format/expectations';
export * from './format/script';
export * from './format/scenario';
