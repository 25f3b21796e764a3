/**
 * Standard queues, as documented (each test names its page). The quirks are off here (`tidy()`) except
 * where a test is about them, so every run is repeatable.
 */
import { describe, expect, it } from 'vitest';
import { kindsOf, ofKind } from './testing';
import { received, run, S, tidy, type Step } from './script.testkit';

const Q = 'orders';
const make = (extra: object = {}): Step => [{ kind: 'create-queue', name: Q, ...extra }, 0];
const send = (body: string, at = 0, extra: object = {}): Step => [{ kind: 'send', queue: Q, body, ...extra }, at];
const recv = (consumer: string, at: number, extra: object = {}): Step => [
  { kind: 'receive', queue: Q, consumer, ...extra },
  at,
];

describe('visibility timeout (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html)', () => {
  it('given a received message, when 30 s (the default) pass without a delete, then it is visible again and its receive count grows', () => {
    const { effects } = run([make(), send('a'), recv('c1', 0), recv('c2', 29_999), recv('c2', 30 * S)]);
    expect(kindsOf(effects)).toContain('sqs-visibility-expired');
    const got = received(effects);
    expect(got.map((d) => d.receiveCount)).toEqual([1, 2]);
    expect(ofKind(effects, 'sqs-receive-empty').map((e) => e.reason)).toEqual([
      "c2's short poll on orders returned nothing (its messages are in flight or delayed)",
    ]); // c2 at 29.999 s: still in flight
  });

  it('ChangeMessageVisibility counts from the call, 0 makes the message visible at once, and 12 h after the receive is the cap (API_ChangeMessageVisibility)', () => {
    const { effects } = run([
      make(),
      send('a'),
      recv('c1', 0),
      [{ kind: 'change-visibility', queue: Q, receiptHandle: 'm1#1', visibilityTimeoutMs: 60 * S }, 20 * S],
      recv('c2', 79 * S),
      [{ kind: 'change-visibility', queue: Q, receiptHandle: 'm1#1', visibilityTimeoutMs: 43_200 * S }, 79 * S],
      [{ kind: 'change-visibility', queue: Q, receiptHandle: 'm1#1', visibilityTimeoutMs: 0 }, 79 * S],
      recv('c2', 79 * S),
    ]);
    expect(received(effects, 'c2')).toHaveLength(1);
    expect(ofKind(effects, 'sqs-rejected')[0]!.error).toMatch(/12 hours/);
  });

  it('a stale receipt handle cannot change the visibility (ReceiptHandleIsInvalid)', () => {
    const { effects } = run([
      make({ visibilityTimeoutMs: 5 * S }),
      send('a'),
      recv('c1', 0),
      recv('c2', 5 * S),
      [{ kind: 'change-visibility', queue: Q, receiptHandle: 'm1#1', visibilityTimeoutMs: 10 * S }, 6 * S],
    ]);
    expect(ofKind(effects, 'sqs-rejected')[0]!.error).toMatch(/ReceiptHandleIsInvalid/);
  });
});

describe('ReceiveMessage (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html)', () => {
  it('returns up to 10 messages and refuses MaxNumberOfMessages 11', () => {
    const sends = Array.from({ length: 12 }, (_, i) => send(`b${i}`));
    const { effects } = run([make(), ...sends, recv('c1', 1, { max: 10 }), recv('c1', 1, { max: 11 })]);
    expect(received(effects)).toHaveLength(10);
    expect(ofKind(effects, 'sqs-rejected')[0]!.error).toMatch(/1–10/);
  });

  it('defaults to one message per receive and numbers receives (ApproximateReceiveCount)', () => {
    const { effects } = run([make({ visibilityTimeoutMs: 0 }), send('a'), send('b'), recv('c', 1), recv('c', 2)]);
    expect(received(effects).map((d) => [d.messageId, d.receiveCount])).toEqual([
      ['m1', 1],
      ['m1', 2],
    ]);
  });
});

describe('short and long polling (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html)', () => {
  it('a short poll of an empty queue answers at once, empty', () => {
    const { effects } = run([make(), recv('c', 0)]);
    expect(kindsOf(effects)).toEqual(['sqs-queue-created', 'sqs-receive-empty']);
  });

  it('a long poll waits: a message sent during the wait is returned when it arrives', () => {
    const { effects } = run([
      make(),
      recv('c', 0, { waitMs: 20 * S }),
      send('late', 5 * S),
      [{ kind: 'advance' }, 30 * S],
    ]);
    expect(kindsOf(effects)).toEqual(['sqs-queue-created', 'sqs-poll-waiting', 'sqs-sent', 'sqs-received']);
  });

  it('a long poll that sees nothing ends empty after its wait; more than 20 s is refused', () => {
    const { effects } = run([
      make({ receiveWaitMs: 20 * S }),
      recv('c', 0),
      [{ kind: 'advance' }, 20 * S],
      recv('c', 21 * S, { waitMs: 21 * S }),
    ]);
    expect(kindsOf(effects)).toEqual(['sqs-queue-created', 'sqs-poll-waiting', 'sqs-receive-empty', 'sqs-rejected']);
  });

  it('with the quirks on, a short poll can miss messages that a long poll finds (it samples a subset of servers)', () => {
    const steps = [make(), ...Array.from({ length: 8 }, (_, i) => send(`b${i}`)), recv('c', 1, { max: 10 })];
    const short = run(steps, tidy(7, { duplicate: 0, reorder: 0, shortPollMiss: 0.5 }));
    const long = run(
      [...steps.slice(0, -1), recv('c', 1, { max: 10, waitMs: 1 * S })],
      tidy(7, { duplicate: 0, reorder: 0, shortPollMiss: 0.5 }),
    );
    expect(received(short.effects).length).toBeLessThan(8);
    expect(received(long.effects)).toHaveLength(8);
  });
});

describe('DeleteMessage and receipt handles (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html)', () => {
  it('deletes with the latest receipt handle', () => {
    const { state, effects } = run([
      make(),
      send('a'),
      recv('c', 0),
      [{ kind: 'delete', queue: Q, receiptHandle: 'm1#1' }, 1],
    ]);
    expect(kindsOf(effects)).toContain('sqs-deleted');
    expect(state.queues[Q]!.messages).toEqual([]);
  });

  it('a stale receipt handle (the message was received again) succeeds without deleting', () => {
    const { state, effects } = run([
      make({ visibilityTimeoutMs: 5 * S }),
      send('a'),
      recv('c1', 0),
      recv('c2', 5 * S),
      [{ kind: 'delete', queue: Q, receiptHandle: 'm1#1' }, 6 * S],
    ]);
    expect(ofKind(effects, 'sqs-delete-ignored')[0]!.reason).toMatch(/stale/);
    expect(state.queues[Q]!.messages).toHaveLength(1);
  });
});

describe('at-least-once, best-effort order (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html)', () => {
  const many = [make({ visibilityTimeoutMs: 0 }), ...Array.from({ length: 30 }, (_, i) => send(`b${i}`))];
  it('with the quirks on, some delete misses a stored copy and the message is received again', () => {
    const steps: Step[] = [...many];
    for (let i = 1; i <= 30; i++) steps.push(recv('c', i), [{ kind: 'delete', queue: Q, receiptHandle: `m${i}#1` }, i]);
    const { effects } = run(steps, tidy(3, { duplicate: 0.3, reorder: 0, shortPollMiss: 0 }));
    expect(ofKind(effects, 'sqs-duplicate-kept').length).toBeGreaterThan(0);
  });

  it('with the quirks on, a batch can come out of send order; with them off it never does, and runs repeat exactly', () => {
    const steps = [...many, recv('c', 1, { max: 10, waitMs: 1 * S })];
    const order = (q: ReturnType<typeof tidy>) => received(run(steps, q).effects).map((d) => d.seq);
    const sorted = [...order(tidy(5, { duplicate: 0, reorder: 0.5, shortPollMiss: 0 }))].sort((a, b) => a - b);
    expect(order(tidy(5, { duplicate: 0, reorder: 0.5, shortPollMiss: 0 }))).not.toEqual(sorted);
    expect(order(tidy(5, { duplicate: 0, reorder: 0.5, shortPollMiss: 0 }))).toEqual(
      order(tidy(5, { duplicate: 0, reorder: 0.5, shortPollMiss: 0 })),
    );
    expect(order(tidy(5))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('dead-letter queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html)', () => {
  const setup: Step[] = [
    [{ kind: 'create-queue', name: 'orders-dlq' }, 0],
    make({ visibilityTimeoutMs: 10 * S, redrive: { deadLetterQueue: 'orders-dlq', maxReceiveCount: 2 } }),
    send('poison'),
  ];
  it('given maxReceiveCount 2, a message received twice and never deleted moves to the DLQ on the next receive, keeping its enqueue time', () => {
    const { state, effects } = run([...setup, recv('c', 0), recv('c', 10 * S), recv('c', 20 * S)]);
    expect(received(effects)).toHaveLength(2);
    expect(ofKind(effects, 'sqs-dead-lettered')[0]!.reason).toMatch(/received 2 times/);
    expect(state.queues['orders-dlq']!.messages.map((m) => [m.messageId, m.sentAt])).toEqual([['m1', 0]]);
  });

  it('a standard queue cannot use a FIFO queue as its DLQ, and maxReceiveCount is 1–1,000', () => {
    const { effects } = run([
      [{ kind: 'create-queue', name: 'dlq.fifo' }, 0],
      make({ redrive: { deadLetterQueue: 'dlq.fifo', maxReceiveCount: 3 } }),
      [{ kind: 'create-queue', name: 'dlq' }, 0],
      make({ redrive: { deadLetterQueue: 'dlq', maxReceiveCount: 1001 } }),
    ]);
    expect(ofKind(effects, 'sqs-rejected').map((e) => e.error)).toEqual([
      'the dead-letter queue of a standard queue must also be standard',
      'maxReceiveCount must be 1–1,000',
    ]);
  });
});

describe('retention (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html)', () => {
  it('deletes a message 4 days (the default) after it was enqueued, even unreceived', () => {
    const { state, effects } = run([
      make(),
      send('a'),
      [{ kind: 'advance' }, 345_600 * S - 1],
      [{ kind: 'advance' }, 345_600 * S],
    ]);
    expect(kindsOf(effects).at(-1)).toBe('sqs-expired');
    expect(state.queues[Q]!.messages).toEqual([]);
  });

  it('accepts 60 s–14 days only', () => {
    const { effects } = run([
      make({ retentionMs: 59 * S }),
      make({ retentionMs: 1_209_601 * S }),
      make({ retentionMs: 60 * S }),
    ]);
    expect(kindsOf(effects)).toEqual(['sqs-rejected', 'sqs-rejected', 'sqs-queue-created']);
  });
});

describe('delay queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html)', () => {
  it('a queue delay hides new messages; a per-message DelaySeconds overrides it on a standard queue', () => {
    const { effects } = run([
      make({ delayMs: 10 * S }),
      send('a'),
      send('b', 0, { delayMs: 0 }),
      recv('c', 1, { max: 10 }),
      recv('d', 10 * S, { max: 10 }),
    ]);
    expect(received(effects, 'c').map((d) => d.body)).toEqual(['b']);
    expect(received(effects, 'd').map((d) => d.body)).toEqual(['a']);
  });

  it('refuses a delay over 900 s', () => {
    const { effects } = run([make(), send('a', 0, { delayMs: 901 * S })]);
    expect(kindsOf(effects)).toEqual(['sqs-queue-created', 'sqs-rejected']);
  });
});
