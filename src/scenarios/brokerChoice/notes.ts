/**
 * The only hand-written cells of the comparison table: notes on operations and lock-in, each with the
 * page or file it is taken from. Everything else in the table is computed from the runs.
 */
import type { ProfileId } from './types';

export interface CitedNote {
  readonly text: string;
  readonly source: string;
}

export const OPERATIONS_NOTES: Readonly<Record<ProfileId, CitedNote>> = {
  kafka: {
    text: 'You run the brokers (or buy a managed service) and choose partition counts up front: adding partitions later moves keys to other partitions, so per-key order breaks across the change. Open source (Apache License 2.0), many compatible services.',
    source: 'src/engine/broker/README.md (adding partitions, keys that move); https://kafka.apache.org',
  },
  rabbitmq: {
    text: 'You run the nodes (or buy a managed service); a quorum queue is replicated with Raft and needs at least 3 nodes to survive losing one. Replay needs a stream, a separate queue type. Open source (Mozilla Public License 2.0); AMQP 0-9-1 clients in every major language.',
    source: 'https://www.rabbitmq.com/docs/quorum-queues; https://www.rabbitmq.com/docs/streams',
  },
  sqs: {
    text: 'Fully managed by AWS, nothing to run, paid per request. AWS-only APIs. Nothing keeps delivered history: a service that needs replay needs its own archive.',
    source: 'src/engine/sqs/README.md; https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/',
  },
  'sqs-fifo': {
    text: 'Fully managed by AWS. FIFO keeps order within a message group and deduplicates for 5 minutes, but a failing message holds back the rest of its group until it is deleted or moved to the DLQ, and FIFO throughput is lower than standard. AWS-only APIs. An SNS FIFO topic can archive messages for 1 to 365 days and replay them to a subscription (not modelled here); SQS itself keeps no delivered history.',
    source:
      'src/engine/sqs/README.md; https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html; https://docs.aws.amazon.com/sns/latest/dg/fifo-message-archiving-replay.html',
  },
  nats: {
    text: 'One small server binary; JetStream adds persistence and clusters with Raft. No built-in dead-letter queue: after max_deliver the server stops redelivering (and publishes an advisory). Open source (Apache License 2.0).',
    source: 'src/engine/nats/README.md; https://docs.nats.io/nats-concepts/jetstream',
  },
  pubsub: {
    text: 'Fully managed by Google Cloud, nothing to run. Google Cloud APIs. Replay by seek needs topic retention (off by default) or acknowledged-message retention; exactly-once delivery is for pull subscriptions within one region.',
    source: 'src/engine/pubsub/README.md; https://cloud.google.com/pubsub/docs/replay-overview',
  },
  eventbridge: {
    text: 'Fully managed by AWS, nothing to run; rules route events to AWS services and HTTP endpoints, so it suits serverless fan-out. At-least-once, no ordering. Replay needs an archive, and a replay goes back to the archive’s own bus. AWS-only APIs.',
    source:
      'src/engine/eventbridge/README.md; https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html',
  },
};
