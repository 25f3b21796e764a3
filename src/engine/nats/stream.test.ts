import { describe, expect, it } from 'vitest';
import type { NatsRequest } from './apply';
import { DUPLICATE_WINDOW_MS_DEFAULT } from './constants';
import { only, run } from './script.testkit';

const pub = (subject: string, data: string, msgId?: string): NatsRequest => ({
  kind: 'publish',
  client: 'p',
  subject,
  data,
  ack: true,
  ...(msgId ? { headers: { 'Nats-Msg-Id': msgId } } : {}),
});
const setup = (stream: Omit<Extract<NatsRequest, { kind: 'add-stream' }>, 'kind' | 'name'> = {}): NatsRequest[] => [
  { kind: 'connect', client: 'p' },
  { kind: 'add-stream', name: 'ORDERS', subjects: ['orders.>'], ...stream },
];
const seqs = (state: ReturnType<typeof run>['state']) => state.streams['ORDERS']!.messages.map((m) => m.seq);

// https://docs.nats.io/nats-concepts/jetstream/streams; server/stream.go (v2.9.10)
describe('JetStream streams', () => {
  it('given a stream on orders.>, when orders are published, then it stores them with sequence numbers from 1', () => {
    const { state, effects } = run([...setup(), pub('orders.placed', 'a'), pub('orders.paid', 'b'), pub('other', 'c')]);
    expect(only(effects, 'nats-stored').map((e) => `${e.seq}:${e.subject}`)).toEqual([
      '1:orders.placed',
      '2:orders.paid',
    ]);
    expect(only(effects, 'nats-rejected').map((e) => e.code)).toEqual([503]);
    expect(seqs(state)).toEqual([1, 2]);
  });

  it('given a Nats-Msg-Id seen inside the 2-minute window, then the publish is acked as a duplicate and not stored', () => {
    const { state, effects } = run([
      ...setup(),
      { at: 0, req: pub('orders.placed', 'a', 'order-1') },
      { at: 60_000, req: pub('orders.placed', 'a', 'order-1') },
      { at: 60_000, req: pub('orders.placed', 'a') },
      { at: DUPLICATE_WINDOW_MS_DEFAULT, req: pub('orders.placed', 'a', 'order-1') },
    ]);
    expect(only(effects, 'nats-duplicate').map((e) => e.seq)).toEqual([1]);
    expect(seqs(state)).toEqual([1, 2, 3]);
  });

  it('given max_msgs 3 and discard old, then the oldest messages make room', () => {
    const { state, effects } = run([
      ...setup({ maxMsgs: 3 }),
      ...['a', 'b', 'c', 'd', 'e'].map((d) => pub('orders.x', d)),
    ]);
    expect(seqs(state)).toEqual([3, 4, 5]);
    expect(only(effects, 'nats-removed').map((e) => `${e.seq}:${e.cause}`)).toEqual(['1:max-msgs', '2:max-msgs']);
  });

  it('given max_msgs 3 and discard new, then the fourth publish is refused', () => {
    const { state, effects } = run([
      ...setup({ maxMsgs: 3, discard: 'new' }),
      ...['a', 'b', 'c', 'd'].map((d) => pub('orders.x', d)),
    ]);
    expect(seqs(state)).toEqual([1, 2, 3]);
    expect(only(effects, 'nats-rejected').map((e) => e.error)).toEqual(['maximum messages exceeded']);
  });

  it('given max_bytes, then the byte size of the file store record counts (22 + subject + data + 8)', () => {
    // Each record: 22 + 8 ('orders.x') + 2 + 8 = 40 bytes.
    const { state } = run([...setup({ maxBytes: 100 }), ...['aa', 'bb', 'cc'].map((d) => pub('orders.x', d))]);
    expect(seqs(state)).toEqual([2, 3]);
  });

  it('given max_age, when time passes, then old messages expire', () => {
    const { state, effects } = run([
      ...setup({ maxAgeMs: 1000 }),
      { at: 0, req: pub('orders.x', 'a') },
      { at: 500, req: pub('orders.x', 'b') },
      { at: 1200, req: { kind: 'advance' } },
    ]);
    expect(seqs(state)).toEqual([2]);
    expect(only(effects, 'nats-removed').map((e) => e.cause)).toEqual(['max-age']);
  });

  it('given interest retention and no consumer, then a publish uses a sequence but stores nothing', () => {
    const { state, effects } = run([...setup({ retention: 'interest' }), pub('orders.x', 'a')]);
    expect(only(effects, 'nats-not-stored').map((e) => e.seq)).toEqual([1]);
    expect(seqs(state)).toEqual([]);
    expect(state.streams['ORDERS']!.lastSeq).toBe(1);
  });

  it('refuses a second stream whose subjects overlap', () => {
    const { effects } = run([...setup(), { kind: 'add-stream', name: 'EU', subjects: ['orders.eu'] }]);
    expect(only(effects, 'nats-rejected').map((e) => e.code)).toEqual([10065]);
  });

  it('a core subscriber on the subject still gets the message the stream stores', () => {
    const { effects } = run([
      ...setup(),
      { kind: 'connect', client: 's' },
      { kind: 'subscribe', client: 's', subject: 'orders.*' },
      pub('orders.x', 'a'),
    ]);
    expect(only(effects, 'nats-delivered').map((d) => d.client)).toEqual(['s']);
    expect(only(effects, 'nats-stored')).toHaveLength(1);
  });
});
