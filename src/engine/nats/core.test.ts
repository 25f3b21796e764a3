import { describe, expect, it } from 'vitest';
import { only, run } from './script.testkit';

const conn = (...clients: string[]) => clients.map((client) => ({ kind: 'connect' as const, client }));

// https://docs.nats.io/nats-concepts/core-nats (v2.9.10 behaviour)
describe('core NATS', () => {
  it('given subscriptions with wildcards, when a message is published, then every matching subscription gets a copy', () => {
    const { effects } = run([
      ...conn('a', 'b', 'c', 'p'),
      { kind: 'subscribe', client: 'a', subject: 'orders.*' },
      { kind: 'subscribe', client: 'b', subject: 'orders.>' },
      { kind: 'subscribe', client: 'c', subject: 'orders.placed.eu' },
      { kind: 'publish', client: 'p', subject: 'orders.placed', data: 'x' },
      { kind: 'publish', client: 'p', subject: 'orders.placed.eu', data: 'y' },
    ]);
    const got = only(effects, 'nats-delivered').map((d) => `${d.client}:${d.data}`);
    expect(got).toEqual(['a:x', 'b:x', 'b:y', 'c:y']);
  });

  it('given no subscriber, when a message is published, then it is gone (at most once)', () => {
    const { effects } = run([...conn('p'), { kind: 'publish', client: 'p', subject: 'nobody.home', data: 'x' }]);
    expect(only(effects, 'nats-dropped')).toHaveLength(1);
    expect(only(effects, 'nats-delivered')).toHaveLength(0);
  });

  it('given a subscriber that joins later, then it never sees earlier messages', () => {
    const { effects } = run([
      ...conn('p', 'late'),
      { kind: 'publish', client: 'p', subject: 's', data: 'early' },
      { kind: 'subscribe', client: 'late', subject: 's' },
      { kind: 'publish', client: 'p', subject: 's', data: 'later' },
    ]);
    expect(only(effects, 'nats-delivered').map((d) => d.data)).toEqual(['later']);
  });

  it('given a queue group, then each message goes to exactly one member, and plain subscribers still get all', () => {
    const subs = ['w1', 'w2', 'w3'].map((client) => ({
      kind: 'subscribe' as const,
      client,
      subject: 'jobs',
      queue: 'workers',
    }));
    const pubs = Array.from({ length: 30 }, (_, i) => ({
      kind: 'publish' as const,
      client: 'p',
      subject: 'jobs',
      data: `j${i}`,
    }));
    const { effects } = run([
      ...conn('p', 'w1', 'w2', 'w3', 'audit'),
      ...subs,
      { kind: 'subscribe', client: 'audit', subject: 'jobs' },
      ...pubs,
    ]);
    const delivered = only(effects, 'nats-delivered');
    const toGroup = delivered.filter((d) => d.queue === 'workers');
    expect(toGroup).toHaveLength(30);
    expect(new Set(toGroup.map((d) => d.data)).size).toBe(30);
    expect(new Set(toGroup.map((d) => d.client)).size).toBeGreaterThan(1);
    expect(delivered.filter((d) => d.client === 'audit')).toHaveLength(30);
  });

  it('the member choice is repeatable for the same seed', () => {
    const script = [
      ...conn('p', 'w1', 'w2'),
      { kind: 'subscribe' as const, client: 'w1', subject: 'jobs', queue: 'q' },
      { kind: 'subscribe' as const, client: 'w2', subject: 'jobs', queue: 'q' },
      ...Array.from({ length: 10 }, () => ({ kind: 'publish' as const, client: 'p', subject: 'jobs', data: 'j' })),
    ];
    const pick = () => only(run(script).effects, 'nats-delivered').map((d) => d.client);
    expect(pick()).toEqual(pick());
  });

  it('given a responder, when a request is sent, then the reply reaches the requester inbox', () => {
    const first = run([
      ...conn('svc', 'caller'),
      { kind: 'subscribe', client: 'svc', subject: 'time.now' },
      { kind: 'request', client: 'caller', subject: 'time.now', data: '?' },
    ]);
    const req = only(first.effects, 'nats-delivered')[0]!;
    expect(req.reply).toMatch(/^_INBOX\.caller\./);
    const second = run([{ kind: 'publish', client: 'svc', subject: req.reply!, data: 'noon' }], first.state);
    expect(only(second.effects, 'nats-delivered').map((d) => `${d.client}:${d.data}`)).toEqual(['caller:noon']);
  });

  it('given nobody listens, when a request is sent, then the requester gets status 503 at once', () => {
    const { effects } = run([
      ...conn('caller'),
      { kind: 'request', client: 'caller', subject: 'svc.missing', data: '?' },
    ]);
    const answer = only(effects, 'nats-delivered');
    expect(answer.map((d) => [d.client, d.status])).toEqual([['caller', 503]]);
  });

  it('given a client that does not read, when its unread bytes would pass max_pending, then the server cuts it off as a slow consumer', () => {
    const { effects, state } = run([
      { kind: 'connect', client: 'slow', maxPendingBytes: 30 },
      ...conn('p', 'fast'),
      { kind: 'subscribe', client: 'slow', subject: 's' },
      { kind: 'subscribe', client: 'fast', subject: 's' },
      { kind: 'publish', client: 'p', subject: 's', data: '0123456789' },
      { kind: 'publish', client: 'p', subject: 's', data: '0123456789' },
      { kind: 'read', client: 'fast' },
      { kind: 'publish', client: 'p', subject: 's', data: '0123456789' },
    ]);
    expect(only(effects, 'nats-slow-consumer').map((e) => e.client)).toEqual(['slow']);
    expect(state.clients['slow']!.closed).toBe(true);
    expect(only(effects, 'nats-delivered').filter((d) => d.client === 'fast')).toHaveLength(3);
    expect(only(effects, 'nats-delivered').filter((d) => d.client === 'slow')).toHaveLength(2);
  });

  it('given a client that reads, then it stays connected', () => {
    const { effects } = run([
      { kind: 'connect', client: 'c', maxPendingBytes: 30 },
      ...conn('p'),
      { kind: 'subscribe', client: 'c', subject: 's' },
      ...[1, 2, 3].flatMap(() => [
        { kind: 'publish' as const, client: 'p', subject: 's', data: '0123456789' },
        { kind: 'read' as const, client: 'c' },
      ]),
    ]);
    expect(only(effects, 'nats-slow-consumer')).toHaveLength(0);
    expect(only(effects, 'nats-delivered')).toHaveLength(3);
  });

  it('refuses a publish to a wildcard subject', () => {
    const { effects } = run([...conn('p'), { kind: 'publish', client: 'p', subject: 'a.*', data: 'x' }]);
    expect(only(effects, 'nats-rejected').map((e) => e.error)).toEqual(['invalid publish subject']);
  });
});
