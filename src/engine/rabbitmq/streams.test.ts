import { describe, expect, it } from 'vitest';
import { only, pub, run, tagOf } from './script.testkit';
import type { RabbitRequest } from './requests';
import type { StreamOffset } from './consumers';

const reader = (channel: string, tag: string, streamOffset: StreamOffset, prefetch = 10): RabbitRequest[] => [
  { kind: 'open-channel', channel },
  { kind: 'qos', channel, prefetch },
  { kind: 'consume', channel, queue: 's', consumerTag: tag, streamOffset },
];
const read = (r: ReturnType<typeof run>, tag: string) =>
  only(r.effects, 'rabbitmq-delivered')
    .filter((d) => d.consumerTag === tag)
    .map((d) => `${d.body}@${d.offset}`);

describe('streams (https://www.rabbitmq.com/streams.html)', () => {
  it('every consumer reads the whole log from where it chose; acks do not remove anything', () => {
    const base = run([{ kind: 'declare-queue', queue: 's', type: 'stream' }, ...pub('s', 'e0', 'e1', 'e2')]);
    const r = run(
      [
        ...reader('a', 'first', 'first'),
        ...reader('b', 'at1', 1),
        ...reader('c', 'last', 'last'),
        ...reader('d', 'next', 'next'),
        ...pub('s', 'e3'),
      ],
      base,
    );
    expect(read(r, 'first')).toEqual(['e0@0', 'e1@1', 'e2@2', 'e3@3']);
    expect(read(r, 'at1')).toEqual(['e1@1', 'e2@2', 'e3@3']);
    expect(read(r, 'last')).toEqual(['e2@2', 'e3@3']);
    expect(read(r, 'next')).toEqual(['e3@3']);
    const acked = run([{ kind: 'ack', channel: 'a', deliveryTag: 0, multiple: true }], r);
    expect(acked.state.queues.s?.log).toHaveLength(4);
  });

  it('a timestamp offset starts at the first message appended at or after it', () => {
    const r = run([
      { kind: 'declare-queue', queue: 's', type: 'stream' },
      ...pub('s', 'old'),
      { at: 100 },
      ...pub('s', 'new'),
      ...reader('a', 'c', { timestamp: 50 }),
    ]);
    expect(read(r, 'c')).toEqual(['new@1']);
  });

  it('prefetch is credit: a consumer reads ahead only as far as it has acked', () => {
    const r = run([
      { kind: 'declare-queue', queue: 's', type: 'stream' },
      ...pub('s', 'e0', 'e1', 'e2'),
      ...reader('a', 'c', 'first', 1),
    ]);
    expect(read(r, 'c')).toEqual(['e0@0']);
    const more = run([{ kind: 'ack', channel: 'a', deliveryTag: tagOf(r, 'a', 'e0') }], r);
    expect(read(more, 'c')).toEqual(['e1@1']);
  });

  it('refuses what streams do not support: no prefetch (406), automatic acks and nack (540, the connection closes)', () => {
    const r = run([
      { kind: 'declare-queue', queue: 's', type: 'stream' },
      ...pub('s', 'e0'),
      { kind: 'open-channel', channel: 'a', connection: 'c1' },
      { kind: 'consume', channel: 'a', queue: 's', consumerTag: 'x' },
      { kind: 'open-channel', channel: 'b', connection: 'c2' },
      { kind: 'qos', channel: 'b', prefetch: 5 },
      { kind: 'consume', channel: 'b', queue: 's', consumerTag: 'y', noAck: true },
      ...reader('c', 'z', 'first'),
    ]);
    const n = run([{ kind: 'nack', channel: 'c', deliveryTag: tagOf(r, 'c', 'e0') }], r);
    expect(
      [...r.effects, ...n.effects].filter((e) => e.kind === 'rabbitmq-channel-closed').map((e) => e.replyCode),
    ).toEqual([406, 540, 540]);
    expect(n.state.queues.s?.log).toHaveLength(1);
  });
});
