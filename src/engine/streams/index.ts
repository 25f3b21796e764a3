/** The stream-processing engine's public entry point (see README.md). */
export * from './effects';
export * from './record';
export * from './windows';
export * from './time';
export * from './stateStore';
export * from './windowed';
export * from './table';
export * from './join';
export * from './processor';
export * from './summary';
