/**
 * Requirements about work and failures: priorities, expiry, workers sharing jobs, messages that keep
 * failing, crashes. Each verdict cites the page it comes from (versions as in reqLog.ts).
 */
import type { Requirement, Verdict } from './types';

export const PRIORITIES: Requirement = {
  id: 'priorities',
  label: 'Priorities',
  text: 'Jobs of paying customers overtake the free ones that are already waiting.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'A partition is read strictly in offset order: no record overtakes another. Priorities mean a topic per priority and consumers that pause the lower one while the higher one has records.',
      source: 'https://kafka.apache.org/documentation/#intro_concepts_and_terms',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'A classic queue declared with x-max-priority delivers higher-priority messages first (the priority property of each message). In 3.10 quorum queues refuse x-max-priority; 4.0 adds priorities to them.',
      source: 'https://www.rabbitmq.com/docs/priority',
    },
    sqs: {
      fit: 'cost',
      why: 'A message has no priority (SendMessage takes none): one queue per priority, with workers that poll the high-priority queue first.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'No priority either, and a FIFO queue keeps each group in order, so nothing overtakes within a group: one queue per priority, polled high first.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html',
    },
    nats: {
      fit: 'cost',
      why: 'nats-server 2.9.10 has no message priority; a consumer delivers in stream order. One stream (or subject and consumer) per priority, with workers pulling from the high one first.',
      source: 'https://docs.nats.io/nats-concepts/jetstream/consumers',
    },
    pubsub: {
      fit: 'cost',
      why: 'A message has data, attributes and an ordering key, no priority: one topic and subscription per priority, with subscribers that favour the high one.',
      source: 'https://cloud.google.com/pubsub/docs/reference/rest/v1/PubsubMessage',
    },
    eventbridge: {
      fit: 'cost',
      why: 'Events have no priority and every matching target is invoked as the event arrives; a rule per priority can send the paid jobs to a target with more capacity.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rules.html',
    },
  },
};

export const PER_MESSAGE_EXPIRY: Requirement = {
  id: 'per-message-expiry',
  label: 'Each job’s own deadline',
  text: 'Each job carries its own deadline (a preview within 30 seconds, a report within 6 hours); a job not started by then is dropped, never run late.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'retention.ms is one setting per topic and deletes whole old segments; a record past its own deadline is still delivered. The worker skips jobs whose deadline (a header) has passed.',
      source: 'https://kafka.apache.org/documentation/#topicconfigs_retention.ms',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'The expiration property gives each message its own TTL; an expired message is never delivered, and is dropped or dead-lettered (reason expired). It is removed only when it reaches the head of the queue.',
      source: 'https://www.rabbitmq.com/docs/ttl#per-message-ttl-in-publishers',
    },
    sqs: {
      fit: 'cost',
      why: 'MessageRetentionPeriod is one value per queue (60 s to 14 days), and there is no per-message expiry: the worker drops jobs past their deadline (a message attribute).',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'As for standard queues, retention is per queue only; the worker drops late jobs.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html',
    },
    nats: {
      fit: 'cost',
      why: 'In 2.9.10 a stream’s max_age applies to every message alike; per-message TTLs (the Nats-TTL header) arrive in nats-server 2.11. Until then the worker drops late jobs.',
      source: 'https://docs.nats.io/release-notes/whats_new/whats_new_211',
    },
    pubsub: {
      fit: 'cost',
      why: 'Retention is per subscription (10 minutes to 31 days); a message has no expiry of its own, so the subscriber drops late jobs.',
      source: 'https://cloud.google.com/pubsub/docs/subscription-properties',
    },
    eventbridge: {
      fit: 'cost',
      why: 'An event is delivered as it arrives; only a target’s retry policy has a maximum event age (60 s to 24 h), one value per target, not per event. The target drops late jobs.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
    },
  },
};

export const COMPETING_WORKERS: Requirement = {
  id: 'competing-workers',
  label: 'Workers share the jobs',
  text: 'Any number of workers share the jobs: each job goes to one worker, a long job holds up no other, and a job whose worker dies goes to another.',
  aspect: null,
  storyNote:
    'In the order story each service runs one consumer, so no run shows workers sharing jobs; its crash step shows only that an unfinished message comes back (every broker does that). The grade rests on the documentation cited above.',
  verdicts: {
    kafka: {
      fit: 'fails',
      why: 'A consumer group shares partitions, not messages: at most one worker per partition, and progress is a committed offset, so a long job holds up every record behind it in its partition. (KIP-932 share groups add per-message acknowledgement in Kafka 4.x; the classic groups modelled here do not have it.)',
      source:
        'https://kafka.apache.org/documentation/#intro_concepts_and_terms; https://cwiki.apache.org/confluence/display/KAFKA/KIP-932%3A+Queues+for+Kafka',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'Consumers of one queue take turns, each message goes to one of them (up to its prefetch), and an unacknowledged message is requeued when its consumer’s channel closes.',
      source: 'https://www.rabbitmq.com/docs/confirms#consumer-acknowledgements',
    },
    sqs: {
      fit: 'meets',
      why: 'Any number of workers receive from one queue; a received message is hidden for the visibility timeout and becomes visible again if it is not deleted in time.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'Workers share the queue, but the messages of one group go one at a time: every independent job needs its own MessageGroupId, or one long job holds up its group.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
    },
    nats: {
      fit: 'meets',
      why: 'A work-queue stream with one durable pull consumer shared by all workers: each message goes to one puller, and one not acknowledged within ack wait is delivered again.',
      source: 'https://docs.nats.io/nats-concepts/jetstream/streams#retentionpolicy',
    },
    pubsub: {
      fit: 'meets',
      why: 'Subscribers of one subscription share its messages; a message not acknowledged by its deadline is delivered again.',
      source: 'https://cloud.google.com/pubsub/docs/subscription-overview',
    },
    eventbridge: {
      fit: 'fails',
      why: 'EventBridge pushes each event to its rules’ targets: there is no queue that workers take jobs from (the usual design puts an SQS queue behind the rule).',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html',
    },
  },
};

// A job dead-lettered and a poison message set aside are answered by the same feature on these brokers.
const SQS_REDRIVE: Verdict = {
  fit: 'meets',
  why: 'A redrive policy moves a message to the dead-letter queue once it has been received maxReceiveCount times without being deleted; the other messages keep flowing.',
  source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
};
const NATS_MAX_DELIVER: Verdict = {
  fit: 'cost',
  why: 'No dead-letter queue: after max_deliver the server stops delivering the message (it stays in the stream) and publishes a MAX_DELIVERIES advisory; a service of yours listens to it and copies the message aside.',
  source: 'https://docs.nats.io/reference/jetstream/advisory/max-deliver',
};
const PUBSUB_DEAD_LETTER_TOPIC: Verdict = {
  fit: 'meets',
  why: 'A dead-letter topic receives a message after maxDeliveryAttempts (5 to 100) failed deliveries; the subscription keeps delivering the other messages meanwhile.',
  source: 'https://cloud.google.com/pubsub/docs/dead-letter-topics',
};

export const JOB_DEAD_LETTER: Requirement = {
  id: 'job-dead-letter',
  label: 'Set aside a job that keeps failing',
  text: 'A job that keeps crashing its worker is set aside after a few attempts and kept for inspection, in the same queue that has the priorities.',
  aspect: 'poison',
  storyNote:
    'RabbitMQ’s run uses quorum queues, which have no priorities in 3.10, so it shows the delivery limit at work; the classic priority queue this system needs has no delivery limit.',
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'The broker has no dead-letter queue: the consumer retries and publishes the record to a dead-letter topic itself (Spring Kafka’s DeadLetterPublishingRecoverer), and the records behind it in its partition wait meanwhile.',
      source: 'https://docs.spring.io/spring-kafka/reference/kafka/annotation-error-handling.html#dead-letters',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'Dead-lettering after N deliveries is a quorum queue’s x-delivery-limit, but in 3.10 priorities need a classic queue, which has no delivery limit: the worker must reject (without requeue, to the dead-letter exchange) a message that comes back with the redelivered flag, or count attempts itself. In 4.0 quorum queues have both priorities and a delivery limit.',
      source: 'https://www.rabbitmq.com/docs/quorum-queues#poison-message-handling; https://www.rabbitmq.com/docs/dlx',
    },
    sqs: SQS_REDRIVE,
    'sqs-fifo': {
      fit: 'cost',
      why: 'The redrive policy works, but while the failing job waits for its next receive its whole message group waits, and messages of the group received with it count receives too and can be moved to the dead-letter queue with it.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
    },
    nats: NATS_MAX_DELIVER,
    pubsub: PUBSUB_DEAD_LETTER_TOPIC,
    eventbridge: {
      fit: 'meets',
      why: 'A target’s retry policy, then its dead-letter queue (an SQS queue), per target; other events are not held up.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html',
    },
  },
};

export const POISON_SET_ASIDE: Requirement = {
  id: 'poison-set-aside',
  label: 'Set aside a message that keeps failing',
  text: 'A message that can never be processed is set aside automatically after a few attempts and kept for inspection, while the rest keep flowing.',
  aspect: 'poison',
  verdicts: {
    kafka: {
      fit: 'cost',
      why: 'The broker has no dead-letter queue: the consumer retries and publishes the record to a dead-letter topic itself (Spring Kafka’s DeadLetterPublishingRecoverer), and until it gives up the records behind it in its partition wait.',
      source: 'https://docs.spring.io/spring-kafka/reference/kafka/annotation-error-handling.html#dead-letters',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'A quorum queue with x-delivery-limit dead-letters a message returned more than the limit times, through its dead-letter exchange; with a prefetch above 1 the consumer keeps handling the messages after it meanwhile.',
      source: 'https://www.rabbitmq.com/docs/quorum-queues#poison-message-handling',
    },
    sqs: SQS_REDRIVE,
    'sqs-fifo': {
      fit: 'fails',
      why: 'A failing message holds up its whole message group until it is deleted or moved, and messages of the group received with it count receives too, so they can reach maxReceiveCount and be moved to the dead-letter queue with it, never handled.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
    },
    nats: NATS_MAX_DELIVER,
    pubsub: PUBSUB_DEAD_LETTER_TOPIC,
    eventbridge: {
      fit: 'meets',
      why: 'A target’s retry policy (185 retries or 24 hours by default), then its dead-letter queue, per target; other events are not held up.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html',
    },
  },
};

export const REDELIVERY_AFTER_CRASH: Requirement = {
  id: 'redelivery-after-crash',
  label: 'Delivered again after a crash',
  text: 'A message a consumer took but never finished, because it crashed, is delivered again.',
  aspect: 'crash',
  verdicts: {
    kafka: {
      fit: 'meets',
      why: 'Offsets not yet committed are read again by the partition’s next owner once the crashed member misses its session timeout (45 s by default).',
      source: 'https://kafka.apache.org/documentation/#consumerconfigs_session.timeout.ms',
    },
    rabbitmq: {
      fit: 'meets',
      why: 'Messages delivered on a channel and not acknowledged are requeued when the channel or its connection closes, and come again with the redelivered flag.',
      source: 'https://www.rabbitmq.com/docs/confirms#automatic-requeueing',
    },
    sqs: {
      fit: 'meets',
      why: 'A message not deleted before its visibility timeout (30 s by default) becomes visible and is received again.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    },
    'sqs-fifo': {
      fit: 'meets',
      why: 'A message not deleted before its visibility timeout is received again, still first in its group.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    },
    nats: {
      fit: 'meets',
      why: 'A message not acknowledged within the consumer’s ack wait (30 s by default) is delivered again, up to max_deliver.',
      source: 'https://docs.nats.io/nats-concepts/jetstream/consumers#ackwait',
    },
    pubsub: {
      fit: 'meets',
      why: 'A message not acknowledged before its ack deadline (10 s by default, extendable) is delivered again.',
      source: 'https://cloud.google.com/pubsub/docs/lease-management',
    },
    eventbridge: {
      fit: 'meets',
      why: 'A target that fails or does not answer is invoked again under its retry policy (with backoff), up to 185 retries or 24 hours by default.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
    },
  },
};
