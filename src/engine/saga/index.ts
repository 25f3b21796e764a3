/** Sagas: a pure process-manager runtime (see README.md). */
export * from './definition';
export type { SagaEffect } from './effects';
export { deadlineOf, foldSaga, type SagaInstance, type SagaStep, type SagaStoredEvent } from './instance';
export * as instanceOps from './instance';
export {
  advanceTo,
  crash,
  createOrchestrator,
  deliver,
  restart,
  start,
  type Orchestrator,
  type OrchestratorStep,
  type SentCommand,
} from './orchestrator';
