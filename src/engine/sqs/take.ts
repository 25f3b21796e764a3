/**
 * Handing messages to a receiver: which messages a ReceiveMessage call gets (FIFO group blocking, the
 * standard queue's best-effort order and short-poll sampling), and the redrive of a message received
 * `maxReceiveCount` times to its dead-letter queue on the next receive.
 */
import { nextRandom, type RngState } from '../sim/random';
import { withQueue } from './queue';
import type { Delivery, SqsEffect, SqsMessage, SqsQueue, SqsState } from './types';

function draw(rng: RngState, p: number): [boolean, RngState] {
  const [v, next] = nextRandom(rng);
  return [v < p, next];
}

/** A message moved to a dead-letter queue: standard DLQs keep the enqueue timestamp, FIFO ones reset it. */
function intoDeadLetterQueue(dlq: SqsQueue, m: SqsMessage, now: number): SqsQueue {
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
  const moved: SqsMessage = {
    ...m,
    sentAt: dlq.fifo ? now : m.sentAt,
    visibleAt: now,
    inFlightUntil: null,
    receivedAt: null,
    receiveCount: 0,
    receipt: null,
    seq: dlq.nextSeq,
  };
  return { ...dlq, messages: [...dlq.messages, moved], nextSeq: dlq.nextSeq + 1 };
}

export interface Take {
  state: SqsState;
  effects: SqsEffect[];
  deliveries: Delivery[];
}

export function take(
  state: SqsState,
  queueName: string,
  consumer: string,
  max: number,
  visibilityMs: number,
  now: number,
  shortPoll: boolean,
): Take {
  let q = state.queues[queueName]!;
  let rng = state.rng;
  const quirks = q.fifo ? null : state.quirks;
  const effects: SqsEffect[] = [];
  const blocked = new Set(q.messages.filter((m) => m.inFlightUntil !== null).map((m) => m.groupId));
  const chosen: number[] = [];
  const dead: SqsMessage[] = [];
  for (const m of q.messages) {
    if (chosen.length >= max) break;
    if (m.inFlightUntil !== null) continue;
    if (q.fifo && blocked.has(m.groupId)) continue;
    if (m.visibleAt > now) {
      if (q.fifo) blocked.add(m.groupId); // a later message of the group must not overtake it
      continue;
    }
    if (q.redrive && m.receiveCount >= q.redrive.maxReceiveCount) {
      dead.push(m);
      continue;
    }
    if (shortPoll && quirks) {
      const [miss, next] = draw(rng, quirks.shortPollMiss);
      rng = next;
      if (miss) continue;
    }
    chosen.push(m.seq);
  }
  if (quirks)
    for (let i = 0; i + 1 < chosen.length; i++) {
      const [swap, next] = draw(rng, quirks.reorder);
      rng = next;
      if (swap) [chosen[i], chosen[i + 1]] = [chosen[i + 1]!, chosen[i]!];
    }
  let next = state;
  if (dead.length > 0) {
    const dlqName = q.redrive!.deadLetterQueue;
    let dlq = next.queues[dlqName]!;
    for (const m of dead) {
      dlq = intoDeadLetterQueue(dlq, m, now);
      effects.push({
        kind: 'sqs-dead-lettered',
        queue: q.name,
        deadLetterQueue: dlqName,
        messageId: m.messageId,
        reason: `${m.messageId} moved to ${dlqName}: received ${m.receiveCount} times (maxReceiveCount ${q.redrive!.maxReceiveCount}) and never deleted`,
      });
    }
    const gone = new Set(dead.map((m) => m.seq));
    q = { ...q, messages: q.messages.filter((m) => !gone.has(m.seq)) };
    next = withQueue(next, dlq);
  }
  const bySeq = new Map(q.messages.map((m) => [m.seq, m]));
  const deliveries: Delivery[] = [];
  const updated = new Map<number, SqsMessage>();
  for (const seq of chosen) {
    const m = bySeq.get(seq)!;
    const receiveCount = m.receiveCount + 1;
    const receipt = `${m.messageId}#${receiveCount}`;
    updated.set(seq, { ...m, receiveCount, receipt, inFlightUntil: now + visibilityMs, receivedAt: now });
    const delivery: Delivery = {
      messageId: m.messageId,
      body: m.body,
      attributes: m.attributes,
      receiptHandle: receipt,
      receiveCount,
      groupId: m.groupId,
      seq,
    };
    deliveries.push(delivery);
    const again = receiveCount > 1 ? `, receive #${receiveCount}: a redelivery` : '';
    effects.push({
      kind: 'sqs-received',
      queue: q.name,
      consumer,
      delivery,
      reason: `${consumer} received ${m.messageId}${again}; hidden from other consumers for ${visibilityMs / 1000} s unless deleted`,
    });
  }
  q = { ...q, messages: q.messages.map((m) => updated.get(m.seq) ?? m) };
  return { state: { ...withQueue(next, q), rng }, effects, deliveries };
}
