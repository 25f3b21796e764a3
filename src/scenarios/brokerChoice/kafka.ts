/**
 * The story on Kafka (src/engine/broker): one topic `orders` keyed by order id, one consumer group per
 * service, at-least-once (commit after processing). The poison message goes through the engine's
 * retry-then-dead-letter handler (Spring Kafka's DefaultErrorHandler + DeadLetterPublishingRecoverer).
 */
import {
  commit,
  consume,
  consumeWithRetry,
  crashMember,
  createBroker,
  createTopic,
  DEFAULT_RETENTION_MS,
  joinGroup,
  poll,
  processRecord,
  produce,
  resetGroupOffsets,
  type BrokerState,
  type BrokerStep,
  type FetchedRecord,
} from '../../engine/broker';
import type { BrokerEffect } from '../../engine/types';
import { BeatRecorder } from './recorder';
import {
  BATCH,
  BEATS,
  CRASH_RESTART_MS,
  eventById,
  fails,
  NEW_SERVICE,
  REPLAY_WINDOW_MS,
  SERVICES,
  SLOW_DONE_MS,
  SLOW_REPOLL_MS,
  type Beat,
} from './story';
import type { Delivery, ProfileRun, StepRecord } from './types';

const TOPIC = 'orders';
const PARTITIONS = 3;
const DLT = `${TOPIC}.DLT`;
/** Attempts before the error handler dead-letters (the engine's default; Spring's own default is 10). */
const MAX_ATTEMPTS = 3;
const member = (service: string, n = 1) => `${service}-${n}`;

class KafkaRun {
  s: BrokerState = createBroker({ seed: 1 });
  /** Which member each service consumes through now (shipping gets a new one after its crash). */
  members: Record<string, string> = Object.fromEntries(SERVICES.map((x) => [x, member(x)]));

  constructor(readonly rec: BeatRecorder) {}

  take(step: BrokerStep): BrokerStep {
    this.s = step.state;
    this.rec.note(step.effects);
    return step;
  }

  /** Deliveries to the application: what it processed or failed on (the record-processed / processing-failed effects). */
  handled(service: string, effects: readonly BrokerEffect[], outcome: Delivery['outcome'] = 'processed') {
    for (const e of effects) {
      if (e.kind !== 'record-processed' && e.kind !== 'processing-failed') continue;
      const eventId = this.eventAt(e.topic, e.partition, e.offset);
      this.rec.deliveries.push({
        service,
        eventId,
        label: eventById(eventId).label,
        outcome: e.kind === 'processing-failed' ? 'failed' : outcome,
        detail: `${e.topic}-${e.partition}@${e.offset}${e.kind === 'processing-failed' ? `, attempt ${e.attempt}` : ''}`,
      });
    }
  }

  eventAt(topic: string, partition: number, offset: number): string {
    const r = this.s.topics[topic]!.partitions[partition]!.records.find((x) => x.offset === offset);
    if (!r?.eventId) throw new Error(`no story event at ${topic}-${partition}@${offset}`);
    return r.eventId;
  }

  consumeAll(service: string, now: number, maxRecords = 500) {
    const step = this.take(
      consume(this.s, { groupId: service, memberId: this.members[service]!, mode: 'at-least-once', maxRecords }, now),
    );
    this.handled(service, step.effects);
  }

  /** Poll, process, commit by hand (the slow and crash beats split these in time). */
  pollOnly(service: string, now: number, maxRecords = 500): FetchedRecord[] {
    const step = poll(this.s, { groupId: service, memberId: this.members[service]!, maxRecords }, now);
    this.take(step);
    return step.records;
  }

  process(service: string, records: readonly FetchedRecord[], outcome: Delivery['outcome'] = 'processed') {
    const effects: BrokerEffect[] = [];
    for (const r of records) this.s = processRecord(this.s, service, this.members[service]!, r, false, effects).state;
    this.rec.note(effects);
    this.handled(service, effects, outcome);
  }
}

function beat(run: KafkaRun, b: Beat) {
  const t = b.at;
  for (const e of b.publish)
    run.take(
      produce(
        run.s,
        {
          topic: TOPIC,
          key: e.order,
          value: { type: e.type, order: e.order },
          eventId: e.id,
          producerId: 'order-service',
        },
        t,
      ),
    );
  switch (b.id) {
    case 'setup':
      run.take(createTopic(run.s, { name: TOPIC, partitions: PARTITIONS }, t));
      // The dead-letter topic needs as many partitions as the source: the recoverer keeps the partition number.
      run.take(createTopic(run.s, { name: DLT, partitions: PARTITIONS }, t));
      for (const x of SERVICES)
        run.take(
          joinGroup(run.s, { groupId: x, memberId: member(x), topics: [TOPIC], autoOffsetReset: 'earliest' }, t),
        );
      return;
    case 'orders':
    case 'drain':
      for (const x of SERVICES) run.consumeAll(x, t);
      return;
    case 'spike':
      for (const x of SERVICES) run.consumeAll(x, t, BATCH);
      return;
    case 'slow': {
      run.consumeAll('billing', t);
      run.consumeAll('shipping', t);
      const first = run.pollOnly('analytics', t, 1);
      const rest = run.pollOnly('analytics', t + SLOW_REPOLL_MS);
      run.process('analytics', [...first, ...rest]);
      run.take(commit(run.s, { groupId: 'analytics', memberId: run.members['analytics']! }, t + SLOW_DONE_MS));
      return;
    }
    case 'crash': {
      run.consumeAll('billing', t);
      run.consumeAll('analytics', t);
      const got = run.pollOnly('shipping', t);
      run.process('shipping', got, 'crashed');
      run.take(crashMember(run.s, { groupId: 'shipping', memberId: run.members['shipping']! }, t));
      run.members['shipping'] = member('shipping', 2);
      const back = t + CRASH_RESTART_MS;
      run.take(joinGroup(run.s, { groupId: 'shipping', memberId: run.members['shipping'], topics: [TOPIC] }, back));
      run.consumeAll('shipping', back);
      return;
    }
    case 'poison': {
      run.consumeAll('shipping', t);
      run.consumeAll('analytics', t);
      // Each call is one poll: the failing record is retried in place until MAX_ATTEMPTS, then dead-lettered.
      for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
        const step = consumeWithRetry(
          run.s,
          {
            groupId: 'billing',
            memberId: run.members['billing']!,
            fails: (r) => fails('billing', eventById(r.eventId!)),
            maxAttempts: MAX_ATTEMPTS,
            deadLetterTopic: DLT,
          },
          t,
        );
        run.take(step);
        run.handled('billing', step.effects);
        for (const e of step.effects)
          if (e.kind === 'record-dead-lettered')
            run.rec.gaveUp.push({
              service: 'billing',
              eventId: run.eventAt(e.topic, e.partition, e.offset),
              deadLetter: e.deadLetterTopic,
              reason: e.reason,
            });
        if (!step.effects.some((e) => e.kind === 'processing-failed')) break;
      }
      return;
    }
    case 'replay': {
      // kafka-consumer-groups --reset-offsets --to-datetime: the new group starts at last week's first offsets.
      run.take(
        resetGroupOffsets(run.s, { groupId: NEW_SERVICE, topic: TOPIC, to: { timestamp: t - REPLAY_WINDOW_MS } }, t),
      );
      run.take(joinGroup(run.s, { groupId: NEW_SERVICE, memberId: member(NEW_SERVICE), topics: [TOPIC] }, t));
      run.members[NEW_SERVICE] = member(NEW_SERVICE);
      run.consumeAll(NEW_SERVICE, t);
      return;
    }
  }
}

export function runKafka(): ProfileRun {
  const steps: StepRecord[] = [];
  let state: BrokerState | null = null;
  let members: Record<string, string> | null = null;
  for (const b of BEATS) {
    const run = new KafkaRun(new BeatRecorder(b.id));
    if (state) run.s = state;
    if (members) run.members = members;
    beat(run, b);
    state = run.s;
    members = run.members;
    steps.push({ ...run.rec.done(), broker: { state: run.s, effects: run.rec.raw } });
  }
  const topic = state!.topics[TOPIC]!.config;
  const groups = Object.keys(state!.groups).sort();
  const retention = topic.retentionMs ?? DEFAULT_RETENTION_MS;
  return {
    profile: 'kafka',
    name: 'Apache Kafka',
    version: 'Kafka’s broker, client and coordinator rules as src/engine/broker models them',
    steps,
    facts: {
      fanOut: `one topic '${TOPIC}' with ${topic.partitions} partitions, key = order id; one consumer group per service (${groups.join(', ')}), each reading the whole log at its own offsets`,
      retention: `${retention / 86_400_000} days (retention.ms), read or not: consuming deletes nothing`,
      replayHow: `a new group '${NEW_SERVICE}' with its offsets reset to a timestamp 7 days back`,
    },
  };
}
