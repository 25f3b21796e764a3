import { describe, expect, it } from 'vitest';
import type { NatsRequest } from './apply';
import { consumerInfo } from './consumer';
import { deliveries, only, run } from './script.testkit';

const pub = (subject: string, data = subject): NatsRequest => ({
  kind: 'publish',
  client: 'p',
  subject,
  data,
  ack: true,
});
const base: NatsRequest[] = [
  { kind: 'connect', client: 'p' },
  { kind: 'add-stream', name: 'S', subjects: ['o.*'] },
  pub('o.a', '1'),
  pub('o.b', '2'),
  pub('o.a', '3'),
  pub('o.c', '4'),
];
const consumer = (extra: Partial<Extract<NatsRequest, { kind: 'add-consumer' }>>): NatsRequest => ({
  kind: 'add-consumer',
  stream: 'S',
  name: 'c',
  ackPolicy: 'explicit',
  ...extra,
});
const fetch = (batch = 10): NatsRequest => ({ kind: 'fetch', stream: 'S', consumer: 'c', batch });
const seqsFor = (extra: Partial<Extract<NatsRequest, { kind: 'add-consumer' }>>) =>
  only(run([...base, consumer(extra), fetch()]).effects, 'nats-js-delivered').map((d) => d.seq);

// https://docs.nats.io/nats-concepts/jetstream/consumers (DeliverPolicy); server/consumer.go selectStartingSeqNo
describe('JetStream consumers: deliver policies', () => {
  it('all starts at the first message', () => expect(seqsFor({})).toEqual([1, 2, 3, 4]));
  it('last starts at the last message', () => expect(seqsFor({ deliverPolicy: 'last' })).toEqual([4]));
  it('last with a filter starts at the last matching message', () =>
    expect(seqsFor({ deliverPolicy: 'last', filterSubject: 'o.a' })).toEqual([3]));
  it('new starts after the last message', () => expect(seqsFor({ deliverPolicy: 'new' })).toEqual([]));
  it('by_start_sequence starts there', () =>
    expect(seqsFor({ deliverPolicy: 'by_start_sequence', optStartSeq: 3 })).toEqual([3, 4]));
  it('last_per_subject gives the last message of each subject, in stream order', () =>
    expect(seqsFor({ deliverPolicy: 'last_per_subject', filterSubject: 'o.*' })).toEqual([2, 3, 4]));
  it('a filter subject delivers only matching messages', () =>
    expect(seqsFor({ filterSubject: 'o.a' })).toEqual([1, 3]));

  it('by_start_time starts at the first message stored at or after that time', () => {
    const { effects } = run([
      { kind: 'connect', client: 'p' },
      { kind: 'add-stream', name: 'S', subjects: ['o.*'] },
      { at: 100, req: pub('o.a') },
      { at: 200, req: pub('o.b') },
      { at: 300, req: pub('o.c') },
      { at: 300, req: consumer({ deliverPolicy: 'by_start_time', optStartTime: 150 }) },
      { at: 300, req: fetch() },
    ]);
    expect(deliveries(effects)).toEqual(['2/1', '3/1']);
  });

  it('refuses a policy without its start, and last_per_subject without a filter', () => {
    const { effects } = run([
      ...base,
      consumer({ deliverPolicy: 'by_start_sequence' }),
      consumer({ name: 'd', deliverPolicy: 'last_per_subject' }),
    ]);
    expect(only(effects, 'nats-rejected').map((e) => e.code)).toEqual([10094, 10094]);
  });

  it('given a new consumer, when messages arrive later, then num_pending counts them and fetch takes them', () => {
    const { state, effects } = run([...base, consumer({ deliverPolicy: 'new' }), pub('o.d', '5'), fetch(1)]);
    expect(deliveries(effects)).toEqual(['5/1']);
    expect(consumerInfo(state, 'S', 'c')).toMatchObject({
      numPending: 0,
      numAckPending: 1,
      delivered: { consumerSeq: 1, streamSeq: 5 },
    });
  });

  it('a fetch with nothing to deliver answers 404', () => {
    const { effects } = run([...base, consumer({ deliverPolicy: 'new' }), fetch()]);
    expect(only(effects, 'nats-fetch-empty').map((e) => e.status)).toEqual([404]);
  });

  it('an ephemeral pull consumer nobody fetches from is deleted after 5 s', () => {
    const { state, effects } = run([
      ...base,
      { kind: 'add-consumer', stream: 'S', ackPolicy: 'explicit' },
      { at: 5_001, req: { kind: 'advance' } },
    ]);
    expect(only(effects, 'nats-consumer-deleted')).toHaveLength(1);
    expect(Object.keys(state.streams['S']!.consumers)).toEqual([]);
  });

  it('a durable consumer stays', () => {
    const { state } = run([...base, consumer({}), { at: 60_000, req: { kind: 'advance' } }]);
    expect(Object.keys(state.streams['S']!.consumers)).toEqual(['c']);
  });

  it('a push consumer delivers as soon as its deliver subject has a subscriber', () => {
    const { effects } = run([
      ...base,
      consumer({ deliverSubject: 'deliver.c' }),
      { kind: 'connect', client: 'sub' },
      { kind: 'subscribe', client: 'sub', subject: 'deliver.c' },
      pub('o.d', '5'),
    ]);
    expect(deliveries(effects)).toEqual(['1/1', '2/1', '3/1', '4/1', '5/1']);
  });
});
