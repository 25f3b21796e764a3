/** FIFO queues, as documented (each test names its page). */
import { describe, expect, it } from 'vitest';
import { kindsOf, ofKind } from './testing';
import { received, run, S, type Step } from './script.testkit';

const Q = 'orders.fifo';
const make = (extra: object = {}): Step => [{ kind: 'create-queue', name: Q, ...extra }, 0];
const send = (body: string, group: string, dedupId: string | undefined, at = 0): Step => [
  { kind: 'send', queue: Q, body, groupId: group, ...(dedupId ? { dedupId } : {}) },
  at,
];
const recv = (consumer: string, at: number, max = 10): Step => [{ kind: 'receive', queue: Q, consumer, max }, at];
const del = (handle: string, at: number): Step => [{ kind: 'delete', queue: Q, receiptHandle: handle }, at];

describe('FIFO basics (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fifo-queues.html)', () => {
  it('a name ending in .fifo makes a FIFO queue; a send needs a MessageGroupId and a deduplication id', () => {
    const { state, effects } = run([make(), [{ kind: 'send', queue: Q, body: 'x' }, 0], send('x', 'g', undefined)]);
    expect(state.queues[Q]!.fifo).toBe(true);
    expect(ofKind(effects, 'sqs-rejected').map((e) => e.error)).toEqual([
      'a FIFO queue needs a MessageGroupId',
      'a FIFO queue without content-based deduplication needs a MessageDeduplicationId',
    ]);
  });

  it('refuses a per-message delay (FIFO queues delay per queue only, API_SendMessage)', () => {
    const { effects } = run([
      make(),
      [{ kind: 'send', queue: Q, body: 'x', groupId: 'g', dedupId: 'd', delayMs: S }, 0],
    ]);
    expect(kindsOf(effects)).toEqual(['sqs-queue-created', 'sqs-rejected']);
  });
});

describe('message groups (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html)', () => {
  it('keeps send order within a group and blocks the group while one of its messages is in flight; other groups go on', () => {
    const { effects } = run([
      make(),
      send('a1', 'A', 'a1'),
      send('b1', 'B', 'b1'),
      send('a2', 'A', 'a2'),
      recv('c1', 1, 1),
      recv('c2', 2),
      del('m1#1', 3),
      recv('c3', 4),
    ]);
    expect(received(effects, 'c1').map((d) => d.body)).toEqual(['a1']);
    expect(received(effects, 'c2').map((d) => d.body)).toEqual(['b1']); // a2 waits behind a1
    expect(received(effects, 'c3').map((d) => d.body)).toEqual(['a2']);
  });

  it('a message whose visibility ran out is received again before the rest of its group', () => {
    const { effects } = run([
      make({ visibilityTimeoutMs: 5 * S }),
      send('a1', 'A', '1'),
      send('a2', 'A', '2'),
      recv('c', 0, 1),
      recv('c', 5 * S, 1),
    ]);
    expect(received(effects).map((d) => [d.body, d.receiveCount])).toEqual([
      ['a1', 1],
      ['a1', 2],
    ]);
  });
});

describe('deduplication (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html)', () => {
  it('a repeated MessageDeduplicationId within 5 minutes is accepted but not enqueued, even after the first was deleted', () => {
    const { effects } = run([
      make(),
      send('x', 'g', 'd1'),
      recv('c', 1),
      del('m1#1', 2),
      send('x', 'g', 'd1', 299_999),
      send('x', 'g', 'd1', 300 * S),
    ]);
    expect(kindsOf(effects).filter((k) => k.startsWith('sqs-sent') || k === 'sqs-deduplicated')).toEqual([
      'sqs-sent',
      'sqs-deduplicated',
      'sqs-sent',
    ]);
  });

  it('content-based deduplication uses the body; an explicit id overrides it', () => {
    const { effects } = run([
      make({ contentBasedDeduplication: true }),
      send('same', 'g', undefined),
      send('same', 'g', undefined, 1),
      send('same', 'g', 'explicit', 2),
    ]);
    expect(ofKind(effects, 'sqs-sent')).toHaveLength(2);
    expect(ofKind(effects, 'sqs-deduplicated')).toHaveLength(1);
  });
});

describe('FIFO dead-letter queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html)', () => {
  it("a FIFO queue's DLQ must be FIFO, and a move resets the enqueue timestamp", () => {
    const { state, effects } = run([
      [{ kind: 'create-queue', name: 'plain-dlq' }, 0],
      make({ redrive: { deadLetterQueue: 'plain-dlq', maxReceiveCount: 1 } }),
      [{ kind: 'create-queue', name: 'dlq.fifo' }, 0],
      make({ visibilityTimeoutMs: 5 * S, redrive: { deadLetterQueue: 'dlq.fifo', maxReceiveCount: 1 } }),
      send('poison', 'A', 'p'),
      send('next', 'A', 'n'),
      recv('c', 0, 1),
      recv('c', 5 * S, 1),
    ]);
    expect(ofKind(effects, 'sqs-rejected')[0]!.error).toBe('the dead-letter queue of a FIFO queue must also be FIFO');
    expect(state.queues['dlq.fifo']!.messages.map((m) => [m.body, m.sentAt])).toEqual([['poison', 5 * S]]);
    expect(received(effects).map((d) => d.body)).toEqual(['poison', 'next']); // the group moves on
  });
});
