/**
 * The story on Amazon SNS + SQS (src/engine/sqs), through its `apply()` only: an SNS topic fanning out
 * (raw delivery) to one queue per service, each with a redrive policy to its own dead-letter queue after 3
 * receives; 30 s visibility timeout. Standard: the quirks of standard queues on (at-least-once,
 * best-effort order). FIFO: a FIFO topic and FIFO queues, message group = order id, deduplication id =
 * the event's id; a service that fails on a message leaves the rest of that group's batch for later, so
 * the group keeps its order. A queue created later gets only what is published after it.
 */
import { apply, createSqs, type SqsEffect, type SqsRequest, type SqsState } from '../../engine/sqs';
import { BeatRecorder, playStory } from './recorder';
import { drainPull, playPullBeat, type PullRun } from './pullBeats';
import {
  BATCH,
  eventByLabel,
  fails,
  NEW_SERVICE,
  POISON_ROUND_MS,
  POISON_ROUNDS,
  SERVICES,
  type Beat,
  type Service,
} from './story';
import type { Delivery, ProfileRun } from './types';

const MAX_RECEIVE_COUNT = 3;
/**
 * Long polling (WaitTimeSeconds 20, the maximum): it asks every server, so it does not miss messages the
 * way a short poll's sample can; an empty one waits up to 20 s for a message (the story's next move is
 * always later than that, so no wait is left open across moves).
 */
const WAIT_MS = 20_000;

type Received = Extract<SqsEffect, { kind: 'sqs-received' }>;

class SqsRun implements PullRun<Received> {
  s: SqsState = createSqs({ seed: 1 });
  constructor(readonly fifo: boolean) {}
  /** Queue (and topic) names: FIFO ones must end in .fifo. */
  q = (name: string) => (this.fifo ? `${name}.fifo` : name);
  get topic() {
    return this.q('orders');
  }

  rec = new BeatRecorder('setup');
  /** Messages a waiting long poll received on its own, not yet handled by the service. */
  late: Record<string, Received[]> = {};
  private receiving: string | null = null;

  do(r: SqsRequest, now: number): SqsEffect[] {
    const step = apply(this.s, r, now);
    this.s = step.state;
    this.rec.note(step.effects);
    for (const e of step.effects) {
      if (e.kind === 'sqs-received' && e.consumer !== this.receiving) (this.late[e.consumer] ??= []).push(e);
      if (e.kind === 'sqs-dead-lettered') {
        const m = this.s.queues[e.deadLetterQueue]!.messages.find((x) => x.messageId === e.messageId)!;
        this.rec.gaveUp.push({
          service: e.queue.replace(/\.fifo$/, ''),
          eventId: eventByLabel(m.body).id,
          deadLetter: e.deadLetterQueue,
          reason: e.reason,
        });
      }
    }
    return step.effects;
  }

  take(service: Service, now: number, max = BATCH): Received[] {
    this.receiving = service;
    const got = this.do({ kind: 'receive', queue: this.q(service), consumer: service, max, waitMs: WAIT_MS }, now);
    this.receiving = null;
    const late = this.late[service] ?? [];
    this.late[service] = [];
    return [...late, ...got.filter((e): e is Received => e.kind === 'sqs-received' && e.consumer === service)];
  }

  record(service: Service, r: Received, outcome: Delivery['outcome']) {
    const event = eventByLabel(r.delivery.body);
    this.rec.deliveries.push({
      service,
      eventId: event.id,
      label: event.label,
      outcome,
      detail: `${r.queue}, ${r.delivery.messageId}, receive count ${r.delivery.receiveCount}`,
    });
  }

  /** Process and delete (or, for the poison, leave it to come back after its visibility timeout). */
  finish(service: Service, got: readonly Received[], now: number) {
    const stopped = new Set<string | null>();
    for (const r of got) {
      // FIFO: after a failure the rest of the group waits (not handled, not deleted) so it keeps its order.
      if (this.fifo && stopped.has(r.delivery.groupId)) continue;
      const failed = fails(service, eventByLabel(r.delivery.body));
      this.record(service, r, failed ? 'failed' : 'processed');
      if (failed) stopped.add(r.delivery.groupId);
      else this.do({ kind: 'delete', queue: this.q(service), receiptHandle: r.delivery.receiptHandle }, now);
    }
  }

  drain(service: Service, now: number, limit = Infinity) {
    drainPull(this, service, now, limit);
  }
}

function beat(run: SqsRun, b: Beat) {
  const t = b.at;
  for (const e of b.publish)
    run.do(
      {
        kind: 'publish',
        topic: run.topic,
        message: e.label,
        ...(run.fifo ? { groupId: e.order, dedupId: e.id } : {}),
      },
      t,
    );
  if (playPullBeat(run, b.id, t)) return;
  switch (b.id) {
    case 'setup':
      run.do({ kind: 'create-topic', name: run.topic }, t);
      for (const x of SERVICES) {
        run.do({ kind: 'create-queue', name: run.q(`${x}-dlq`) }, t);
        run.do(
          {
            kind: 'create-queue',
            name: run.q(x),
            redrive: { deadLetterQueue: run.q(`${x}-dlq`), maxReceiveCount: MAX_RECEIVE_COUNT },
          },
          t,
        );
        run.do({ kind: 'subscribe', topic: run.topic, queue: run.q(x), raw: true }, t);
      }
      return;
    case 'poison':
      run.drain('shipping', t);
      run.drain('analytics', t);
      for (let i = 0; i < POISON_ROUNDS; i++) run.drain('billing', t + i * POISON_ROUND_MS);
      return;
    case 'replay':
      run.do({ kind: 'create-queue', name: run.q(NEW_SERVICE) }, t);
      run.do({ kind: 'subscribe', topic: run.topic, queue: run.q(NEW_SERVICE), raw: true }, t);
      run.drain(NEW_SERVICE, t);
      return;
  }
}

function runVariant(fifo: boolean): ProfileRun {
  const run = new SqsRun(fifo);
  const steps = playStory(run, beat);
  const q = run.s.queues[run.q('billing')]!;
  const subscribed = run.s.subscriptions.filter((x) => x.topic === run.topic).map((x) => x.queue);
  const kind = fifo ? 'FIFO topic' : 'topic';
  return {
    profile: fifo ? 'sqs-fifo' : 'sqs',
    name: fifo ? 'Amazon SNS + SQS (FIFO)' : 'Amazon SNS + SQS (standard)',
    version: 'AWS documentation as read on 2026-12-05',
    steps,
    facts: {
      fanOut: `SNS ${kind} '${run.topic}' delivers a copy to each subscribed SQS queue (${subscribed.join(', ')}), raw message delivery${fifo ? '; message group = order id' : ''}`,
      retention: `${q.retentionMs / 86_400_000} days per queue (MessageRetentionPeriod default), or until deleted after processing`,
      replayHow: fifo
        ? `a new queue '${run.q(NEW_SERVICE)}' subscribed to the topic: SQS keeps no delivered history; an SNS FIFO topic can archive messages (ArchivePolicy, 1 to 365 days) and replay them to a subscription, which this run does not model`
        : `a new queue '${run.q(NEW_SERVICE)}' subscribed to the topic: SQS and SNS standard topics keep no history to replay`,
    },
  };
}

export const runSqs = (): ProfileRun => runVariant(false);
export const runSqsFifo = (): ProfileRun => runVariant(true);
