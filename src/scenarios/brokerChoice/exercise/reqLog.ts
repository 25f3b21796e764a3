/**
 * Requirements about the log: reading history again, per-key order with parallel consumers, scaling out,
 * and retried publishes. Each verdict cites the page it comes from; versions are the profiles' own
 * (RabbitMQ 3.10.8, nats-server 2.9.10, cloud documentation as read on 2026-12-05; EventBridge's classic bus
 * with rules).
 */
import type { Requirement } from './types';

export const REPLAY_MONTHS: Requirement = {
  id: 'replay-months',
  label: 'Replay months of history',
  text: 'A service that joins later reads the events of the past months, from a time it chooses, in the order they were published.',
  aspect: 'replay',
  verdicts: {
    kafka: {
      fit: 'meets',
      why: 'A topic is a log kept for retention.ms (unlimited with -1) whether or not anyone has read it; a new consumer group resets its offsets to a time (kafka-consumer-groups --reset-offsets --to-datetime) and reads each partition in order from there.',
      source: 'https://kafka.apache.org/documentation/#basic_ops_consumer_group',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'Classic and quorum queues delete a message once it is acknowledged, and a new queue only gets messages published after it is bound, so a new service cannot read last month from them. A stream (RabbitMQ Streams, since 3.9) is a log a consumer reads from an offset or a time: replay works, at the cost of publishing every event to a stream as well, from the start.',
      source: 'https://www.rabbitmq.com/docs/streams',
    },
    sqs: {
      fit: 'fails',
      why: 'A message is deleted once its consumer has processed it, and a queue subscribed to the topic later receives only what is published after that; an SNS standard topic keeps no archive (archiving is for FIFO topics only). Nothing is left to replay.',
      source: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-archiving-replay.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'SQS keeps nothing to replay, but an SNS FIFO topic can archive its messages (an archive policy of 1 to 365 days, set before the events are published) and a subscription can replay them from a start time (each marked Replayed). The profile in this run does not model the archive, so its audit queue got nothing.',
      source: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-archiving-replay.html',
    },
    nats: {
      fit: 'meets',
      why: 'A stream with limits retention keeps messages until max_age (unlimited by default), acknowledged or not; a new durable consumer with deliver policy by_start_time reads the stream in order from that time.',
      source: 'https://docs.nats.io/nats-concepts/jetstream/consumers',
    },
    pubsub: {
      fit: 'cost',
      why: 'With topic message retention on (off by default), a subscription created later can seek to a time in the past, but topic retention is at most 31 days: months of history need an export (a BigQuery or Cloud Storage subscription) and a replay you build.',
      source: 'https://cloud.google.com/pubsub/docs/replay-overview',
    },
    eventbridge: {
      fit: 'cost',
      why: 'An archive keeps the bus’s events (indefinitely by default) and a replay sends a time range of them back to the archive’s own bus, to chosen rules; but replayed events arrive in no guaranteed order, so the new service must sort them itself.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html',
    },
  },
};

export const REPLAY_WEEK: Requirement = {
  id: 'replay-week',
  label: 'Replay last week',
  text: 'A service that joins later reads the last week of events, from a time it chooses, in the order they were published.',
  aspect: 'replay',
  verdicts: {
    ...REPLAY_MONTHS.verdicts,
    // The months' verdict with the week's words: RabbitMQ's queues keep no history of any span.
    rabbitmq: {
      ...REPLAY_MONTHS.verdicts.rabbitmq,
      why: 'Classic and quorum queues delete a message once it is acknowledged, and a new queue only gets messages published after it is bound, so a new service cannot read last week from them. A stream (RabbitMQ Streams, since 3.9) is a log a consumer reads from an offset or a time: replay works, at the cost of publishing every event to a stream as well, from the start.',
    },
    pubsub: {
      fit: 'meets',
      why: 'With topic message retention set (off by default, up to 31 days) before the events are published, a subscription created later seeks to a time a week back; with message ordering on, each key’s messages come in the order they were published.',
      source: 'https://cloud.google.com/pubsub/docs/replay-overview',
    },
  },
};

export const ORDER_PER_KEY_PARALLEL: Requirement = {
  id: 'order-per-key-parallel',
  label: 'Order per key, keys in parallel',
  text: 'The events of one key (an order, an account) are handled in the order they were published, while different keys are handled in parallel by several instances of a service.',
  aspect: 'order',
  verdicts: {
    kafka: {
      fit: 'meets',
      why: 'Records with the same key go to the same partition, a partition is read in offset order by one member of a consumer group at a time, and the partitions are spread over the group’s members.',
      source: 'https://kafka.apache.org/documentation/#intro_concepts_and_terms',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'A queue delivers in order, but several consumers on one queue take turns, so two events of one key can be handled at once and finish out of order; single active consumer keeps the order by letting only one consumer work. Order per key with parallelism needs the consistent-hash exchange plugin (shipped with RabbitMQ) spreading keys over several queues, each with a single active consumer.',
      source:
        'https://www.rabbitmq.com/docs/consumers#single-active-consumer; https://github.com/rabbitmq/rabbitmq-server/tree/main/deps/rabbitmq_consistent_hash_exchange',
    },
    sqs: {
      fit: 'fails',
      why: 'A standard queue gives best-effort ordering and at-least-once delivery: a message can arrive out of order or more than once, and nothing keeps one key’s messages together.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html',
    },
    'sqs-fifo': {
      fit: 'meets',
      why: 'A FIFO queue delivers each message group (MessageGroupId = the key) in order and holds the group while one of its messages is in flight, while other groups go to other consumers; an SNS FIFO topic keeps the order into its FIFO queues.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html',
    },
    nats: {
      fit: 'cost',
      why: 'A consumer delivers in stream order, but several clients pulling from one consumer handle a key’s messages in parallel; order per key with parallelism needs the subjects split by key (a subject mapping with the partition() function) and one consumer per partition, or max_ack_pending 1 (one message at a time, no parallelism).',
      source: 'https://docs.nats.io/nats-concepts/subject_mapping',
    },
    pubsub: {
      fit: 'meets',
      why: 'With message ordering on the subscription and an ordering key on each message, a key’s messages are delivered in the order they were published (within one region), and different keys go to subscribers in parallel.',
      source: 'https://cloud.google.com/pubsub/docs/ordering',
    },
    eventbridge: {
      fit: 'fails',
      why: 'The classic bus with rules (this profile) delivers at least once and in no guaranteed order, to every target. (The newer Custom Event Bus adds FIFO subscribers per event group; it is not what this profile models.)',
      source:
        'src/engine/eventbridge/README.md; https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-custom-bus-ordering.html',
    },
  },
};

export const THROUGHPUT_SCALE_OUT: Requirement = {
  id: 'throughput-scale-out',
  label: 'Hundreds of thousands of events per second',
  text: 'Peaks of hundreds of thousands of events per second, met by adding capacity rather than by a bigger machine.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'meets',
      why: 'A topic’s partitions are spread over the brokers and read in parallel, so adding brokers and partitions adds throughput; choose the partition count up front, because adding partitions later moves keys to other partitions.',
      source: 'https://kafka.apache.org/documentation/#design',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'A queue or stream lives on one leader node, so one queue’s rate is bounded by one node; scaling out means spreading keys over many queues (consistent-hash exchange). Partitioned super streams arrive in 3.11; 3.10 has none.',
      source: 'https://www.rabbitmq.com/docs/streams#super-streams',
    },
    sqs: {
      fit: 'meets',
      why: 'Standard queues support a nearly unlimited number of API calls per second, and SNS fans out to them; AWS scales it, billed per request.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html',
    },
    'sqs-fifo': {
      fit: 'cost',
      why: 'FIFO queues and topics have per-queue and per-topic throughput quotas well below standard queues’ (high-throughput mode raises them, per message group limits remain): reaching hundreds of thousands per second means spreading keys over several FIFO topics and queues.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html',
    },
    nats: {
      fit: 'cost',
      why: 'A JetStream stream is replicated by one Raft group with one leader server, so one stream’s rate is bounded by that server; scaling out means splitting the subjects over several streams.',
      source: 'https://docs.nats.io/running-a-nats-service/configuration/clustering/jetstream_clustering',
    },
    pubsub: {
      fit: 'meets',
      why: 'Google scales publishing and delivery without partitions to size; an ordering key is limited to about 1 MB/s of publishing, which is fine with many keys.',
      source: 'https://cloud.google.com/pubsub/quotas',
    },
    eventbridge: {
      fit: 'cost',
      why: 'PutEvents has a per-Region quota of requests per second (a soft limit AWS can raise), and every event is billed; hundreds of thousands per second need raised quotas and cost per event.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html',
    },
  },
};

export const DEDUP_RETRIED_PUBLISH: Requirement = {
  id: 'dedup-retried-publish',
  label: 'No duplicate from a retried publish',
  text: 'A producer that retries a publish after a timeout must not create a second copy of the event.',
  aspect: null,
  verdicts: {
    kafka: {
      fit: 'meets',
      why: 'The idempotent producer (on by default since Kafka 3.0) numbers its sends, and the broker drops a retried batch it already appended.',
      source: 'https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence',
    },
    rabbitmq: {
      fit: 'cost',
      why: 'Publisher confirms say whether a message arrived, but a publish retried after a lost confirm is stored twice: classic and quorum queues have no publish deduplication (streams do, for a named publisher on the stream protocol), so consumers deduplicate by a message id.',
      source: 'https://www.rabbitmq.com/docs/confirms#publisher-confirms; https://www.rabbitmq.com/docs/streams',
    },
    sqs: {
      fit: 'cost',
      why: 'Standard queues have no deduplication id (and deliver at least once anyway): consumers deduplicate by a message id.',
      source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html',
    },
    'sqs-fifo': {
      fit: 'meets',
      why: 'A FIFO topic or queue drops a message whose deduplication id (or content hash) it saw in the last 5 minutes.',
      source:
        'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html',
    },
    nats: {
      fit: 'meets',
      why: 'A stream drops a publish whose Nats-Msg-Id it stored within its duplicate window (2 minutes by default) and says so in the publish acknowledgement.',
      source: 'https://docs.nats.io/using-nats/developer/develop_jetstream/model_deep_dive#message-deduplication',
    },
    pubsub: {
      fit: 'cost',
      why: 'A retried publish is a new message with a new id; exactly-once delivery is about acknowledgements and does not deduplicate publishes, so consumers deduplicate by an attribute of their own.',
      source: 'https://cloud.google.com/pubsub/docs/exactly-once-delivery',
    },
    eventbridge: {
      fit: 'cost',
      why: 'PutEvents takes no deduplication id and gives each entry a new event id; targets deduplicate by a field of the event.',
      source: 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html',
    },
  },
};
