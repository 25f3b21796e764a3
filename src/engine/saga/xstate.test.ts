/**
 * The definition is an XState machine config: XState's own pure `initialTransition()` / `transition()` walk
 * it through the same states as this runtime, replies and timeouts alike (a timeout is XState's delayed
 * `xstate.after.<ms>.<machine>.<state>` event). Tests may import XState; the engine's code does not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMachine, initialTransition, transition } from 'xstate';
import type { SagaDefinition } from './definition';
import { advanceTo, handleReply, startSaga } from './instance';
import { replies, ridePayment } from './ridePayment.testkit';

/** The same definition in XState's words: entry commands become named actions, `after` a delayed transition. */
function asMachine(def: SagaDefinition) {
  return createMachine({
    id: def.id,
    initial: def.initial,
    states: Object.fromEntries(
      Object.entries(def.states).map(([name, s]) => [
        name,
        {
          ...(s.type ? { type: s.type } : {}),
          entry: (s.entry ?? []).map((c) => ({ type: `${c.to}.${c.command}` })),
          on: { ...s.on },
          ...(s.after ? { after: { [s.after.ms]: s.after.target } } : {}),
        },
      ]),
    ),
  });
}

type Move = { k: 'reply'; event: string } | { k: 'timeout' };

describe('XState agrees with the saga runtime', () => {
  const machine = asMachine(ridePayment);

  it('on every sequence of replies and timeouts: same state, same entry commands', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ k: fc.constant('reply' as const), event: fc.constantFrom(...replies) }),
            fc.constant<Move>({ k: 'timeout' }),
          ),
          { maxLength: 12 },
        ),
        (moves) => {
          let [snap, actions] = initialTransition(machine);
          const first = startSaga(ridePayment, 'x', 0);
          let inst = first.instance;
          expect(actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.'))).toEqual(
            first.commands.map((c) => `${c.to}.${c.command}`),
          );
          let now = 0;
          for (const m of moves) {
            const after = ridePayment.states[inst.state]?.after;
            if (m.k === 'timeout' && (!after || inst.outcome)) continue;
            const ours =
              m.k === 'reply'
                ? handleReply(ridePayment, inst, m.event, now)
                : advanceTo(ridePayment, inst, (now = inst.enteredAt + after!.ms));
            const event =
              m.k === 'reply'
                ? { type: m.event }
                : { type: `xstate.after.${after!.ms}.${ridePayment.id}.${inst.state}` };
            [snap, actions] = transition(machine, snap, event);
            inst = ours.instance;
            expect(snap.value).toBe(inst.state);
            expect(snap.status === 'done').toBe(inst.outcome !== null);
            if (ours.stored.length > 0)
              expect(actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.'))).toEqual(
                ours.commands.map((c) => `${c.to}.${c.command}`),
              );
          }
        },
      ),
    );
  });
});
