/**
 * Properties of the process-manager runtime, over any sequence of replies (wanted or not), time passing,
 * crashes and restarts:
 * - an orchestrator that crashed and was rebuilt from its stored events at any point behaves as the one that
 *   never crashed: the same states, the same stored events, the same commands (apart from the ones a restart
 *   sends again, which participants deduplicate);
 * - every started saga ends completed or compensated, never both, and ends once: nothing is stored after its end;
 * - a stored stream folds back to the instance held in memory.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldSaga } from './instance';
import { advanceTo, crash, createOrchestrator, deliver, restart, start, type Orchestrator } from './orchestrator';
import { replies, ridePayment } from './ridePayment.testkit';

type Op = { k: 'reply'; id: string; event: string } | { k: 'time'; ms: number } | { k: 'start'; id: string };
const ids = ['r1', 'r2', 'r3'] as const;
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('start' as const), id: fc.constantFrom(...ids) }),
  fc.record({ k: fc.constant('reply' as const), id: fc.constantFrom(...ids), event: fc.constantFrom(...replies) }),
  fc.record({ k: fc.constant('time' as const), ms: fc.integer({ min: 1, max: 40_000 }) }),
);

/** Plays the ops from t=0, ticking the clock after each; with `crashAt`, crashes and restarts before that op. */
function play(ops: readonly Op[], crashAt: number | null) {
  let o: Orchestrator = createOrchestrator();
  let now = 0;
  const commands: string[] = [];
  const states: Orchestrator['instances'][] = [];
  ops.forEach((x, i) => {
    if (i === crashAt) {
      o = crash(ridePayment, o).state;
      o = restart(ridePayment, o, now).state; // the commands it sends again are left out on purpose
    }
    const r =
      x.k === 'start'
        ? start(ridePayment, o, x.id, now)
        : x.k === 'reply'
          ? deliver(ridePayment, o, x.id, x.event, now)
          : null;
    if (x.k === 'time') now += x.ms;
    if (r) o = r.state;
    commands.push(...(r?.commands ?? []).map((c) => `${c.instance}:${c.command}`));
    const t = advanceTo(ridePayment, o, now);
    o = t.state;
    commands.push(...t.commands.map((c) => `${c.instance}:${c.command}`));
    states.push(o.instances);
  });
  return { o, commands, states, now };
}

describe('sagas, any story', () => {
  it('rebuilt from its stored events at any point, it behaves as the one that never crashed', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), fc.nat(), (ops, k) => {
        const at = k % ops.length;
        const whole = play(ops, null);
        const crashed = play(ops, at);
        expect(crashed.states).toEqual(whole.states);
        expect(crashed.o.streams).toEqual(whole.o.streams);
        expect(crashed.commands).toEqual(whole.commands);
      }),
    );
  });

  it('every started saga ends completed or compensated once the participants answer, never both, and ends once', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        // After the story, time passes and every reply is offered once more: all timeouts have fired by then.
        let { o, now } = play(ops, null);
        for (let round = 0; round < 4; round++) {
          now += 60_000;
          o = advanceTo(ridePayment, o, now).state;
          for (const id of Object.keys(o.instances))
            for (const e of replies) o = advanceTo(ridePayment, deliver(ridePayment, o, id, e, now).state, now).state;
        }
        for (const [id, events] of Object.entries(o.streams)) {
          const inst = o.instances[id]!;
          expect(['completed', 'compensated']).toContain(inst.outcome);
          const finals = events.filter((e) => ridePayment.states[e.to]?.type === 'final');
          expect(finals).toHaveLength(1);
          expect(events[events.length - 1]).toBe(finals[0]);
          expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
          expect(foldSaga(ridePayment, id, events)).toEqual(inst);
        }
      }),
    );
  });
});
