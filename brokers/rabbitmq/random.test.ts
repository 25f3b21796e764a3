/**
 * Random scripts (fast-check, fixed seed): publishes, acks and nacks (single or multiple, with and without
 * requeue), rejects, basic.get and crashes on a classic queue (with priorities) or a quorum queue (with or without a
 * delivery limit), two consumers and a dead-letter queue. Each script is built
 * by asking the profile what each channel holds, then run on both sides; they must observe the same.
 */
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from './differential';
import { ProfileSide } from './profileSide';
import type { ScriptStep } from './script';

let runs = 0;

export function buildScript(
  type: 'classic' | 'quorum',
  prefetch: [number, number],
  deliveryLimit: number | null,
  choices: number[],
): ScriptStep[] {
  const q = `rnd.${type}.${++runs}`;
  const dead = `${q}.dead`;
  const consumer = (i: number, gen: number): ScriptStep[] => [
    { kind: 'open-channel', channel: `ch${i}.${gen}` },
    { kind: 'qos', channel: `ch${i}.${gen}`, prefetch: prefetch[i] ?? 1 },
    { kind: 'consume', channel: `ch${i}.${gen}`, queue: q, consumerTag: `c${i}.${gen}` },
  ];
  const script: ScriptStep[] = [
    { kind: 'declare-exchange', exchange: `${q}.dlx`, type: 'fanout' },
    { kind: 'declare-queue', queue: dead },
    { kind: 'bind', queue: dead, exchange: `${q}.dlx`, routingKey: '' },
    {
      kind: 'declare-queue',
      queue: q,
      type,
      arguments: {
        'x-dead-letter-exchange': `${q}.dlx`,
        ...(type === 'classic' ? { 'x-max-priority': 2 } : {}),
        ...(type === 'quorum' && deliveryLimit !== null ? { 'x-delivery-limit': deliveryLimit } : {}),
      },
    },
    { kind: 'open-channel', channel: 'dl' },
    { kind: 'consume', channel: 'dl', queue: dead, consumerTag: 'dead', noAck: true },
    { kind: 'open-channel', channel: 'g' },
    ...consumer(0, 0),
    ...consumer(1, 0),
  ];
  const profile = new ProfileSide();
  for (const s of script) profile.step(s);
  const gen = [0, 0];
  let n = 0;
  for (const c of choices) {
    const i = c % 2;
    const channel = `ch${i}.${gen[i]}`;
    const held = profile.state.channels[channel]?.unacked ?? [];
    let steps: ScriptStep[];
    if (c < 35 || (c < 90 && held.length === 0)) {
      // Classic queues here have priorities 0-2; 3 is above the maximum and counts as 2.
      const props = type === 'classic' ? { properties: { priority: c % 4 } } : {};
      steps = [{ kind: 'publish', exchange: '', routingKey: q, body: `m${n++}`, ...props }];
    } else if (c < 90) {
      const body = held[c % held.length]!.entry.message.body;
      const kinds: ScriptStep[] = [
        { kind: 'ack', channel, body },
        { kind: 'nack', channel, body, requeue: true },
        { kind: 'reject', channel, body, requeue: false },
        { kind: 'nack', channel, body, requeue: false },
        { kind: 'reject', channel, body, requeue: true },
        { kind: 'ack', channel, body, multiple: true },
        { kind: 'nack', channel, body, multiple: true, requeue: true },
      ];
      steps = [kinds[c % kinds.length]!];
    } else if (c < 95) {
      steps = [{ kind: 'get', channel: 'g', queue: q, noAck: true }];
    } else {
      steps = [{ kind: 'close-channel', channel }, ...consumer(i, ++gen[i]!)];
    }
    for (const s of steps) profile.step(s);
    script.push(...steps);
  }
  return script;
}

describe('random scripts against RabbitMQ 3.10', () => {
  it('profile and server deliver the same messages, in the same order, with the same flags and dead letters', async () => {
    const url = inject('rabbitmqUrl');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('classic' as const, 'quorum' as const),
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        fc.array(fc.nat(99), { minLength: 12, maxLength: 24 }),
        async (type, prefetch, deliveryLimit, choices) => {
          const script = buildScript(type, prefetch, deliveryLimit, choices);
          const { profile, real } = await runBoth(url, script);
          // Not vacuous: something was published and delivered.
          expect(Object.values(real.received).flat().length).toBeGreaterThan(0);
          expect(profile).toEqual(real);
        },
      ),
      // A fixed seed keeps CI repeatable; EVENT_LAB_RANDOM_SEED / EVENT_LAB_RANDOM_RUNS explore further.
      {
        numRuns: Number(process.env.EVENT_LAB_RANDOM_RUNS ?? 5),
        seed: Number(process.env.EVENT_LAB_RANDOM_SEED ?? 20261205),
        endOnFailure: true,
      },
    );
  });
});
