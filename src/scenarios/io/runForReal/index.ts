/**
 * "Run it for real": a scenario's run exported as a small Node project for a real Kafka, RabbitMQ or
 * NATS JetStream (see README.md).
 */
import { kafkaProject } from './kafka';
import { natsProject } from './nats';
import { assemble, type ExportedProject } from './project';
import { rabbitmqProject } from './rabbitmq';
import type { RunFacts } from './runFacts';
import type { Target } from './runFile';

export { runFacts, type RunFacts } from './runFacts';
export { TARGET_NAMES, type Target, type RunFile } from './runFile';
export type { ExportedProject } from './project';
export { zipProject, zipFileName } from './zip';

export const TARGETS: readonly Target[] = ['kafka', 'rabbitmq', 'nats'];

/** The project for one target: `(run facts) → { files }`. Pure: the same facts give the same files. */
export function exportProject(facts: RunFacts, target: Target): ExportedProject {
  const project =
    target === 'kafka' ? kafkaProject(facts) : target === 'rabbitmq' ? rabbitmqProject(facts) : natsProject(facts);
  return assemble(project);
}
