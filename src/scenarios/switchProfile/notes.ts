/**
 * What does not exist on the target (or exists differently), for the concepts this scenario uses only:
 * each note says what the concept becomes or why it is missing, true of the profile as simulated and of
 * the real broker it models.
 */
import type { ScenarioDef } from '../schema';
import type { Note, TargetProfile } from './types';

type Concept = 'groups' | 'partitions' | 'offsets' | 'compaction' | 'membership' | 'queues' | 'resend' | 'commits';

const TEXT: Record<TargetProfile, Partial<Record<Concept, string>>> = {
  rabbitmq: {
    groups:
      'RabbitMQ has no consumer groups: each group becomes its own queue bound to the topic’s exchange, and its members become competing consumers on that queue (RabbitMQ pushes to them in turn, up to their prefetch).',
    partitions:
      'A RabbitMQ queue has no partitions: one queue holds all of a group’s messages and competing consumers share them message by message, so two events with the same key can be processed at once by two consumers. Kafka’s per-key order holds here only with one consumer per queue (or single active consumer).',
    offsets:
      'RabbitMQ classic queues keep no offsets: an acknowledged message is deleted, so a consumer cannot rewind, seek or reset. RabbitMQ Streams (x-stream-offset) can replay; they are not used here.',
    compaction:
      'RabbitMQ has no compaction: queues delete a message on its acknowledgement, and streams keep by size or age, never the latest message per key.',
    membership:
      'No rebalancing: when a consumer’s connection closes, RabbitMQ requeues what it had not acknowledged (marked redelivered) and the queue’s other consumers get it at once; a new consumer just takes its turn.',
    queues:
      'The work queue becomes a classic queue read with basic.get and a manual ack. RabbitMQ has no visibility timeout: a message taken and not acknowledged stays unacked until its channel closes or consumer_timeout (30 minutes) passes.',
    resend:
      'RabbitMQ publishers have no idempotence: a resent message is a second message (publisher confirms say it arrived, not that it arrived once).',
    commits:
      'No offsets to commit: each message is acknowledged on its own (basic.ack); "commit before processing" becomes acknowledging on receipt, which loses the message if the consumer then crashes.',
  },
  nats: {
    groups:
      'JetStream has no consumer groups: each group becomes a durable pull consumer on the stream, and its members fetch from that one consumer and share its messages.',
    partitions:
      'A JetStream stream has no partitions: every message gets one stream sequence. Members fetching from one consumer may process two messages of a key at once; strict order needs one member at a time (max_ack_pending 1).',
    offsets:
      'JetStream keeps messages by the stream’s limits, not by acknowledgement, but a durable consumer cannot be moved back in 2.9: a new consumer starts where its deliver policy says (all, new, a sequence or a time). Kafka’s offsets per partition have no counterpart.',
    compaction:
      'JetStream has no compaction; the nearest is a subject per key with max_msgs_per_subject 1 (not modelled here).',
    membership:
      'No rebalancing: a member that crashes leaves its messages unacknowledged, and the consumer redelivers them after ack wait (30 s by default) to whichever member fetches next.',
    queues:
      'The work queue becomes a work-queue stream with one pull consumer its consumers share; ack wait (30 s) plays the visibility timeout, and a nak redelivers at once.',
    resend:
      'A resend is stored once only if the publisher sets Nats-Msg-Id (deduplicated within the stream’s 2-minute window): the translation sets it for idempotent producers only.',
    commits:
      'No offsets to commit: each message is acknowledged on its own (AckExplicit); the consumer’s ack floor is the nearest thing to a committed offset.',
  },
  sqs: {
    groups:
      'SQS has no consumer groups: each group becomes its own SQS queue subscribed to the SNS topic (raw delivery), and its members are competing receivers on that queue.',
    partitions:
      'SQS standard queues have no partitions and only best-effort order (and at-least-once delivery: a message may come twice). A FIFO queue with the key as MessageGroupId would keep each key’s order; standard queues are used here.',
    offsets:
      'SQS deletes a message once it is processed: no offsets, no seek, no replay of what was consumed (SNS FIFO topics can archive and replay; standard topics and SQS queues cannot).',
    compaction:
      'SQS and SNS have no compaction: a queue keeps each message until it is deleted or its retention (4 days by default) ends.',
    membership:
      'No rebalancing: a receiver that crashes leaves its messages in flight, and they become visible again after the visibility timeout (30 s by default) for any receiver.',
    queues:
      'The work queue is an SQS standard queue with the same visibility timeout; a nack becomes ChangeMessageVisibility 0.',
    resend:
      'SNS and SQS standard have no deduplication: a resend is a second message (FIFO topics and queues deduplicate within 5 minutes).',
    commits:
      'No offsets to commit: each message is deleted on its own (DeleteMessage with its receipt handle). A receive returns at most 10 messages, not Kafka’s max.poll.records.',
  },
  pubsub: {
    groups:
      'Pub/Sub has no consumer groups: each group becomes a pull subscription on the topic, and its members pull from that subscription and share its messages.',
    partitions:
      'Pub/Sub has no partitions: the record key becomes the ordering key, and a subscription with message ordering delivers each key’s messages in order, one key’s outstanding message holding back the next.',
    offsets:
      'Pub/Sub has no offsets: a subscription can seek to a time or a snapshot, which a reset to earliest, latest or a timestamp becomes; a Kafka offset (a number in one partition) has no counterpart.',
    compaction:
      'Pub/Sub has no compaction: a subscription keeps unacknowledged messages until its retention (7 days by default) ends.',
    membership:
      'No rebalancing: a puller that crashes leaves its messages outstanding, and Pub/Sub redelivers them after the ack deadline (10 s by default) to whichever puller asks next.',
    queues:
      'The work queue becomes a topic with one subscription its consumers share; the ack deadline (10 s) plays the visibility timeout and a nack is a deadline of 0.',
    resend:
      'Pub/Sub does not deduplicate publishes: a resent message gets a new message id and is delivered again, exactly-once delivery included.',
    commits: 'No offsets to commit: each message is acknowledged on its own by its ack id.',
  },
  eventbridge: {
    groups:
      'EventBridge has no consumer groups and no polling: each group becomes a rule on the bus with one target, which EventBridge invokes for every matching event as it is put; a group’s members have no counterpart.',
    partitions: 'EventBridge has no partitions and no ordering: events reach a target in no guaranteed order.',
    offsets:
      'EventBridge has no offsets: an archive replays events by time (StartReplay), which a reset to earliest or a timestamp becomes; replayed events arrive in no guaranteed order.',
    compaction: 'EventBridge has no compaction: its archive keeps events by the archive’s retention.',
    membership:
      'No members: a crash, a join or a leave of a consumer has no counterpart — EventBridge retries a failing target (up to 185 times over 24 hours by default).',
    queues:
      'EventBridge has no queues: a work queue would be an SQS queue as a target; its steps are not carried over.',
    resend: 'EventBridge does not deduplicate PutEvents: a resent event is a new event, delivered again.',
    commits: 'No offsets and no acknowledgements: a target’s successful invocation is the delivery.',
  },
};

const SERVICES =
  'The scenario’s services (reacting to events, failing on a poison message) are Event Lab’s simulation of applications, not part of the broker, and are not run here: this run shows what each consumer is handed and acknowledges. Topics only a service writes to (a ledger, a dead-letter topic) stay empty, and a step whose point was a service’s output or failure comes out otherwise (the step says how).';

/**
 * Where this page's mapping differs from the "Run it for real" export's (`src/scenarios/io/runForReal`), and
 * why: the export keeps per-key order so a real run can be compared with Kafka's record by record; this page
 * shows the broker's usual way of sharing work, and so where that order is lost.
 */
const RUN_FOR_REAL: Partial<Record<TargetProfile, string>> = {
  rabbitmq:
    'Here a group’s members are competing consumers on its queue, the usual RabbitMQ way to share work, to show what that does to Kafka’s per-key order. “Run it for real” declares each group’s queue with single active consumer instead (one member receives, the others stand by), so a real run keeps per-key order and can be compared with Kafka’s record by record.',
  nats: 'Here each record is published to <topic>.<event type> and a group’s members fetch from its durable consumer together, to show how members share one consumer. “Run it for real” publishes to eventlab.<topic>.<key> (one subject per key, names that cannot clash on a shared server) and one client reads each group’s consumer, so a real run keeps per-key order and can be compared with Kafka’s record by record. Either way a stream keeps one order.',
};

export function notesFor(s: ScenarioDef, profile: TargetProfile): Note[] {
  const actions = s.steps.map((st) => st.action);
  const has = (k: string) => actions.some((a) => a.kind === k);
  const used: [Concept, string, boolean][] = [
    ['groups', 'consumer groups', s.topology.groups.length > 0],
    [
      'partitions',
      'partitions and per-key order',
      s.topology.topics.some((t) => t.partitions > 1) || has('add-partitions'),
    ],
    ['offsets', 'offsets, seek and replay', has('seek') || has('reset-offsets')],
    ['compaction', 'log compaction', s.topology.topics.some((t) => t.cleanupPolicy === 'compact') || has('compact')],
    [
      'membership',
      'rebalancing',
      has('join') || has('leave') || has('crash') || actions.some((a) => a.kind === 'poll' && a.crash),
    ],
    ['queues', 'the work queue', (s.topology.queues ?? []).length > 0],
    [
      'resend',
      'idempotent producers',
      actions.some((a) => a.kind === 'publish' && a.retry) || s.topology.producers.some((p) => p.idempotent),
    ],
    ['commits', 'committed offsets', has('commit') || s.topology.groups.length > 0],
  ];
  const notes: Note[] = used.flatMap(([c, concept, on]) =>
    on && TEXT[profile][c] ? [{ concept, text: TEXT[profile][c]! }] : [],
  );
  if ((s.topology.services ?? []).length > 0) notes.push({ concept: 'services', text: SERVICES });
  const real = RUN_FOR_REAL[profile];
  if (real && s.topology.groups.length > 0) notes.push({ concept: 'this page and “Run it for real”', text: real });
  return notes;
}
