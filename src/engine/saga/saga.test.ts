import { describe, expect, it } from 'vitest';
import { definitionProblems, type SagaDefinition } from './definition';
import { deadlineOf, foldSaga, handleReply, startSaga, advanceTo as advanceInstance } from './instance';
import { advanceTo, crash, createOrchestrator, deliver, restart, start } from './orchestrator';
import { ridePayment } from './ridePayment.testkit';
import { deepFreeze } from '../broker/testing';

const T0 = 1_000;
const kinds = (effects: readonly { kind: string }[]) => effects.map((e) => e.kind);

describe('a saga instance', () => {
  it('starts in its initial state, storing SagaStarted before sending its entry command', () => {
    const r = startSaga(ridePayment, 'ride-7', T0);
    expect(r.instance).toMatchObject({ state: 'holding-payout', version: 1, outcome: null, enteredAt: T0 });
    expect(r.stored.map((e) => e.type)).toEqual(['SagaStarted']);
    expect(r.commands).toEqual([{ command: 'HoldDriverPayout', to: 'payouts' }]);
    expect(kinds(r.effects)).toEqual(['saga-started', 'saga-event-stored', 'saga-command-sent']);
  });

  it('a declined card leads to compensation: release the hold, notify, then end compensated with a retry scheduled', () => {
    let i = startSaga(ridePayment, 'ride-7', T0).instance;
    i = handleReply(ridePayment, i, 'PayoutHeld', T0 + 1).instance;
    const declined = handleReply(ridePayment, i, 'CardDeclined', T0 + 2);
    expect(declined.instance.state).toBe('compensating');
    expect(declined.commands.map((c) => c.command)).toEqual(['ReleasePayoutHold', 'NotifyRider']);
    const done = handleReply(ridePayment, declined.instance, 'PayoutHoldReleased', T0 + 3);
    expect(done.instance.outcome).toBe('compensated');
    expect(done.commands.map((c) => c.command)).toEqual(['ScheduleChargeRetry']);
    expect(kinds(done.effects)).toContain('saga-ended');
  });

  it('ignores a reply its state does not wait for, and any reply once it has ended', () => {
    const i = startSaga(ridePayment, 'ride-7', T0).instance;
    const r = handleReply(ridePayment, i, 'CardCharged', T0 + 1);
    expect(r.instance).toBe(i);
    expect(r.effects[0]).toMatchObject({ kind: 'saga-event-ignored', state: 'holding-payout' });
    expect(r.effects[0]!.reason).toContain('waits for PayoutHeld');
  });

  it('times out at its deadline, not before, and retries before compensating', () => {
    let i = startSaga(ridePayment, 'ride-8', T0).instance;
    i = handleReply(ridePayment, i, 'PayoutHeld', T0).instance;
    expect(deadlineOf(ridePayment, i)).toBe(T0 + 30_000);
    expect(advanceInstance(ridePayment, i, T0 + 29_999).stored).toEqual([]);
    const once = advanceInstance(ridePayment, i, T0 + 30_000);
    expect(once.instance).toMatchObject({ state: 'charging-again', enteredAt: T0 + 30_000 });
    // A long silence fires both timeouts, each at its own deadline.
    const both = advanceInstance(ridePayment, i, T0 + 120_000);
    expect(both.stored.map((e) => [e.to, e.at])).toEqual([
      ['charging-again', T0 + 30_000],
      ['compensating', T0 + 60_000],
    ]);
    expect(kinds(both.effects).filter((k) => k === 'saga-timed-out')).toHaveLength(2);
  });

  it('folds back from its stored events to the same instance', () => {
    const s = startSaga(ridePayment, 'ride-9', T0);
    const h = handleReply(ridePayment, s.instance, 'PayoutHeld', T0 + 5);
    expect(foldSaga(ridePayment, 'ride-9', [...s.stored, ...h.stored])).toEqual(h.instance);
    expect(foldSaga(ridePayment, 'ride-9', [])).toBeNull();
  });
});

describe('the orchestrator', () => {
  it('never changes its input', () => {
    const o = deepFreeze(start(ridePayment, createOrchestrator(), 'ride-1', T0).state);
    expect(() => deliver(ridePayment, o, 'ride-1', 'PayoutHeld', T0)).not.toThrow();
    expect(() => restart(ridePayment, crash(ridePayment, o).state, T0)).not.toThrow();
  });

  it('after a crash, resumes from its stored events: same state, the same deadline, the command sent again', () => {
    let o = start(ridePayment, createOrchestrator(), 'ride-9', T0).state;
    o = deliver(ridePayment, o, 'ride-9', 'PayoutHeld', T0 + 1_000).state;
    const before = o.instances['ride-9']!;
    const down = crash(ridePayment, o);
    expect(down.state.instances).toEqual({});
    expect(down.effects[0]).toMatchObject({ kind: 'saga-crashed', running: 1 });
    // While it is down, no reply is handled and no timer fires.
    expect(deliver(ridePayment, down.state, 'ride-9', 'CardCharged', T0 + 2_000).effects[0]!.kind).toBe(
      'saga-event-ignored',
    );
    expect(advanceTo(ridePayment, down.state, T0 + 90_000).state).toBe(down.state);
    const back = restart(ridePayment, down.state, T0 + 10_000);
    expect(back.state.instances['ride-9']).toEqual(before);
    expect(back.commands).toEqual([{ command: 'ChargeCard', to: 'payments', instance: 'ride-9' }]);
    expect(kinds(back.effects)).toEqual(['saga-resumed', 'saga-command-sent']);
  });

  it('fires on restart a timeout that came due while it was down', () => {
    let o = start(ridePayment, createOrchestrator(), 'ride-8', T0).state;
    o = deliver(ridePayment, o, 'ride-8', 'PayoutHeld', T0).state;
    o = crash(ridePayment, o).state;
    const back = restart(ridePayment, o, T0 + 45_000);
    expect(back.state.instances['ride-8']).toMatchObject({ state: 'charging-again', enteredAt: T0 + 30_000 });
    expect(kinds(back.effects)).toContain('saga-timed-out');
  });

  it('starts one saga per id', () => {
    const o = start(ridePayment, createOrchestrator(), 'ride-1', T0).state;
    const again = start(ridePayment, o, 'ride-1', T0);
    expect(again.state).toBe(o);
    expect(again.effects[0]!.reason).toContain('already exists');
  });
});

describe('a definition', () => {
  it('the ride payment is well formed', () => expect(definitionProblems(ridePayment)).toEqual([]));

  it('names what is wrong: unknown targets, finals without outcome, dead ends, timeout loops', () => {
    const bad: SagaDefinition = {
      id: 'bad',
      initial: 'nowhere',
      states: {
        a: { after: { ms: 1, target: 'b' } },
        b: { after: { ms: 1, target: 'a' } },
        c: {},
        d: { type: 'final', on: { X: 'a' } },
        e: { on: { Y: 'missing' } },
      },
    };
    const problems = definitionProblems(bad).join('\n');
    expect(problems).toContain('initial state "nowhere"');
    expect(problems).toContain('"c" is not final and has no reply or timeout');
    expect(problems).toContain('final state "d" needs an outcome');
    expect(problems).toContain('final state "d" cannot go on');
    expect(problems).toContain('goes to "missing"');
    expect(problems).toContain('timeouts alone go round in a loop from state "a"');
  });
});
