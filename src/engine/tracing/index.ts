/** Tracing and operational metrics: the public entry point. */
export * from './traceContext';
export * from './spans';
export * from './trace';
export * from './metrics';
export * from './alerts';
export type { TracingEffect } from './effects';
