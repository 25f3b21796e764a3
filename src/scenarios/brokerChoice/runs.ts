/** Every profile's run of the story, computed once (the runs are pure and deterministic). */
import { runEventbridge } from './eventbridge';
import { runKafka } from './kafka';
import { runNats } from './nats';
import { runPubsub } from './pubsub';
import { runRabbitmq } from './rabbitmq';
import { runSqs, runSqsFifo } from './sqs';
import type { ProfileId, ProfileRun } from './types';

export const PROFILES: readonly { id: ProfileId; name: string; run: () => ProfileRun }[] = [
  { id: 'kafka', name: 'Apache Kafka', run: runKafka },
  { id: 'rabbitmq', name: 'RabbitMQ', run: runRabbitmq },
  { id: 'sqs', name: 'Amazon SNS + SQS (standard)', run: runSqs },
  { id: 'sqs-fifo', name: 'Amazon SNS + SQS (FIFO)', run: runSqsFifo },
  { id: 'nats', name: 'NATS JetStream', run: runNats },
  { id: 'pubsub', name: 'Google Cloud Pub/Sub', run: runPubsub },
  { id: 'eventbridge', name: 'Amazon EventBridge', run: runEventbridge },
];

let cached: readonly ProfileRun[] | null = null;

export function allRuns(): readonly ProfileRun[] {
  cached ??= PROFILES.map((p) => p.run());
  return cached;
}
