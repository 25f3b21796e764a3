/**
 * JetStream consumers: creation with the server's defaults and checks, the starting sequence each deliver
 * policy picks, deletion, and what `consumer info` reports (num_pending, num_ack_pending, ack floor…).
 * https://docs.nats.io/nats-concepts/jetstream/consumers; server/consumer.go setConsumerConfigDefaults,
 * checkConsumerCfg, addConsumerWithAssignment, selectStartingSeqNo, infoWithSnapAndReply.
 */
import {
  ACK_WAIT_MS_DEFAULT,
  EPHEMERAL_INACTIVE_THRESHOLD_MS,
  MAX_ACK_PENDING_DEFAULT,
  MAX_DELIVER_UNLIMITED,
} from './constants';
import {
  firstSeq,
  withConsumer,
  withStream,
  type ConsumerConfig,
  type NatsConsumer,
  type NatsState,
  type NatsStream,
} from './natsState';
import { matchesFilter } from './retention';
import { rejected, type NatsStep } from './step';
import { filterFitsStream, isLiteral, isSubsetMatch } from './subjects';

export type ConsumerRequest = Partial<Omit<ConsumerConfig, 'ackPolicy'>> &
  Pick<ConsumerConfig, 'ackPolicy'> & { stream: string; name?: string };

function configOf(req: ConsumerRequest): ConsumerConfig {
  const acks = req.ackPolicy !== 'none';
  const durable = req.durable ?? req.name !== undefined;
  return {
    durable,
    ackPolicy: req.ackPolicy,
    ackWaitMs: req.ackWaitMs ?? (acks ? ACK_WAIT_MS_DEFAULT : 0),
    maxDeliver: req.maxDeliver && req.maxDeliver > 0 ? req.maxDeliver : MAX_DELIVER_UNLIMITED,
    maxAckPending: req.maxAckPending ?? (acks ? MAX_ACK_PENDING_DEFAULT : 0),
    deliverPolicy: req.deliverPolicy ?? 'all',
    optStartSeq: req.optStartSeq ?? 0,
    optStartTime: req.optStartTime ?? null,
    filterSubject: req.filterSubject ?? '',
    deliverSubject: req.deliverSubject ?? null,
    inactiveThresholdMs: req.inactiveThresholdMs ?? (durable ? 0 : EPHEMERAL_INACTIVE_THRESHOLD_MS),
  };
}

/** The refusal a learner's consumer config earns, as [message, err_code], or null. */
function refusal(stream: NatsStream, config: ConsumerConfig): [string, number] | null {
  const { deliverPolicy: dp, optStartSeq, optStartTime, filterSubject } = config;
  if (config.deliverSubject !== null && !isLiteral(config.deliverSubject))
    return ['consumer deliver subject has wildcards', 10022];
  if (config.deliverSubject === null && config.ackPolicy === 'none' && stream.config.retention === 'workqueue')
    return ['consumer in pull mode requires ack policy', 10084];
  if (filterSubject !== '' && !filterFitsStream(filterSubject, stream.config.subjects))
    return ['consumer filter subject is not a valid subset of the interest subjects', 10093];
  const needsSeq = dp === 'by_start_sequence';
  const needsTime = dp === 'by_start_time';
  if (needsSeq !== optStartSeq > 0 || needsTime !== (optStartTime !== null))
    return [
      `consumer delivery policy is deliver ${dp.replaceAll('_', ' ')}, but its optional start sequence/time does not fit`,
      10094,
    ];
  if (dp === 'last_per_subject' && filterSubject === '')
    return ['consumer delivery policy is deliver last per subject, but optional filter subject is not set', 10094];
  if (stream.config.retention === 'workqueue') {
    if (config.ackPolicy !== 'explicit') return ['workqueue stream requires explicit ack', 10098];
    const others = Object.values(stream.consumers);
    if (others.length > 0 && filterSubject === '')
      return ['multiple non-filtered consumers not allowed on workqueue stream', 10099];
    const overlaps = (f: string) => f === '' || isSubsetMatch(filterSubject, f) || isSubsetMatch(f, filterSubject);
    if (others.length > 0 && others.some((o) => overlaps(o.config.filterSubject)))
      return ['filtered consumer not unique on workqueue stream', 10100];
    if (dp !== 'all') return ['consumer must be deliver all on workqueue stream', 10101];
  }
  return null;
}

/** server/consumer.go selectStartingSeqNo: the first stream sequence this consumer looks at. */
function startOf(stream: NatsStream, config: ConsumerConfig): Pick<NatsConsumer, 'sseq' | 'skipList'> {
  const first = firstSeq(stream);
  const last = stream.lastSeq;
  const filtered = stream.messages.filter((m) => matchesFilter(config.filterSubject, m.subject));
  let sseq: number;
  let skipList: NatsConsumer['skipList'] = null;
  switch (config.deliverPolicy) {
    case 'all':
      sseq = first;
      break;
    case 'last':
      sseq = config.filterSubject === '' ? last : (filtered[filtered.length - 1]?.seq ?? 0);
      break;
    case 'last_per_subject': {
      const lastBySubject = new Map<string, number>();
      for (const m of filtered) lastBySubject.set(m.subject, m.seq);
      const seqs = [...lastBySubject.values()].sort((a, b) => a - b);
      if (seqs.length > 0) skipList = { seqs, resume: last };
      sseq = seqs[0] ?? last;
      break;
    }
    case 'by_start_sequence':
      sseq = config.optStartSeq;
      break;
    case 'by_start_time':
      sseq = stream.messages.find((m) => m.time >= config.optStartTime!)?.seq ?? last + 1;
      break;
    case 'new':
      sseq = last + 1;
  }
  if (stream.messages.length === 0 && last === 0) sseq = 1;
  else if (sseq < first) sseq = first;
  else if (sseq > last) sseq = last + 1;
  return { sseq, skipList };
}

export function addConsumer(state: NatsState, req: ConsumerRequest, now: number): NatsStep {
  const stream = state.streams[req.stream];
  if (!stream) return rejected(state, 'add-consumer', 'stream not found', 10059, `there is no stream ${req.stream}`);
  const config = configOf(req);
  const name = req.name ?? `ephemeral-${state.nextId}`;
  const existing = stream.consumers[name];
  if (existing) {
    if (JSON.stringify(existing.config) === JSON.stringify(config)) return { state, effects: [] };
    return rejected(
      state,
      'add-consumer',
      'consumer name already in use',
      10013,
      `consumer ${name} already exists on ${req.stream} with another configuration`,
    );
  }
  const refused = refusal(stream, config);
  if (refused)
    return rejected(state, 'add-consumer', refused[0], refused[1], `consumer ${name} refused: ${refused[0]}`);
  const { sseq, skipList } = startOf(stream, config);
  const consumer: NatsConsumer = {
    name,
    stream: req.stream,
    config,
    sseq,
    dseq: 1,
    // selectStartingSeqNo sets the stream ack floor to start − 1, but the consumer store only records the
    // starting delivered sequence (SetStarting), and becoming leader re-reads the store (applyState): both ack
    // floors read 0 until the first ack. Observed on nats-server 2.9.10 by the differential tests.
    ackFloorConsumer: 0,
    ackFloorStream: 0,
    pending: {},
    redelivered: {},
    redeliverQueue: [],
    skipList,
    lastActive: now,
  };
  const kind = `${config.durable ? 'durable' : 'ephemeral'} ${config.deliverSubject === null ? 'pull' : 'push'}`;
  return {
    state: { ...withStream(state, withConsumer(stream, consumer)), nextId: state.nextId + (req.name ? 0 : 1) },
    effects: [
      {
        kind: 'nats-consumer-created',
        stream: req.stream,
        consumer: name,
        startSeq: sseq,
        reason: `${kind} consumer ${name} on ${req.stream} starts at stream seq ${sseq} (deliver policy ${config.deliverPolicy}, ack ${config.ackPolicy})`,
      },
    ],
  };
}

export function deleteConsumer(state: NatsState, req: { stream: string; consumer: string }, why?: string): NatsStep {
  const stream = state.streams[req.stream];
  if (!stream?.consumers[req.consumer])
    return rejected(
      state,
      'delete-consumer',
      'consumer not found',
      10014,
      `there is no consumer ${req.consumer} on ${req.stream}`,
    );
  const consumers = { ...stream.consumers };
  delete consumers[req.consumer];
  return {
    state: withStream(state, { ...stream, consumers }),
    effects: [
      {
        kind: 'nats-consumer-deleted',
        stream: req.stream,
        consumer: req.consumer,
        reason: why ?? `consumer ${req.consumer} deleted; its acks and positions are gone`,
      },
    ],
  };
}

/** server/consumer.go streamNumPending: messages at or after the consumer's next sequence that match its filter
 * (deliver last per subject: subjects whose last message is at or after it). Redeliveries are not counted. */
export function numPending(stream: NatsStream, c: NatsConsumer): number {
  const matching = stream.messages.filter((m) => m.seq >= c.sseq && matchesFilter(c.config.filterSubject, m.subject));
  if (c.config.deliverPolicy !== 'last_per_subject') return matching.length;
  const lastBySubject = new Map<string, number>();
  for (const m of stream.messages)
    if (matchesFilter(c.config.filterSubject, m.subject)) lastBySubject.set(m.subject, m.seq);
  return [...lastBySubject.values()].filter((s) => s >= c.sseq).length;
}

export interface ConsumerInfo {
  delivered: { consumerSeq: number; streamSeq: number };
  ackFloor: { consumerSeq: number; streamSeq: number };
  numAckPending: number;
  numRedelivered: number;
  numPending: number;
}

/** What `consumer info` reports (server/consumer.go infoWithSnapAndReply). */
export function consumerInfo(state: NatsState, streamName: string, consumer: string): ConsumerInfo {
  const stream = state.streams[streamName];
  const c = stream?.consumers[consumer];
  if (!stream || !c) throw new Error(`unknown consumer ${streamName} > ${consumer}`);
  return {
    delivered: { consumerSeq: c.dseq - 1, streamSeq: c.sseq - 1 },
    ackFloor: { consumerSeq: c.ackFloorConsumer, streamSeq: c.ackFloorStream },
    numAckPending: Object.keys(c.pending).length,
    numRedelivered: Object.keys(c.redelivered).length,
    numPending: numPending(stream, c),
  };
}
