/**
 * An aggregate's checks (each its own message) and a list held in its state: a payment id refused the
 * second time, the balance guard still saying its own sentence, and a list that is not one refusing the
 * command (decide) or stopping the step (evolve) with a sentence naming the field.
 */
import { describe, expect, it } from 'vitest';
import { isRejection } from '../../engine/cqrs';
import type { RecordedEvent } from '../../engine/types';
import { mustParseScenario } from '../parse';
import type { AggregateDef } from '../schema';
import { Stepper } from '../stepper';
import { compileAggregate, type ScenarioCommand } from './aggregates';

const wallet: AggregateDef = {
  type: 'Wallet',
  streamPrefix: 'wallet-',
  version: 1,
  initial: 'open',
  fields: { balance: 50, paidIds: [] },
  commands: [
    {
      command: 'PayMerchant',
      when: ['open'],
      checks: [
        {
          guard: { not: { has: [{ ref: 'state.paidIds' }, { ref: 'command.paymentId' }] } },
          rejectWith: {
            concat: ['PayMerchant is refused: payment ', { ref: 'command.paymentId' }, ' was already made'],
          },
        },
      ],
      guard: { gte: [{ ref: 'state.balance' }, { ref: 'command.amount' }] },
      rejectWith: 'PayMerchant is refused: the balance does not cover the amount',
      emit: [
        {
          eventType: 'MerchantPaid',
          data: { amount: { ref: 'command.amount' }, paymentId: { ref: 'command.paymentId' } },
        },
      ],
    },
  ],
  evolve: [
    {
      eventType: 'MerchantPaid',
      set: {
        balance: { sub: [{ ref: 'state.balance' }, { ref: 'event.data.amount' }] },
        paidIds: { append: [{ ref: 'state.paidIds' }, { ref: 'event.data.paymentId' }] },
      },
    },
  ],
};

const pay = (paymentId: string, amount: number): ScenarioCommand => ({
  commandId: `c-${paymentId}`,
  streamId: 'wallet-w-1',
  commandType: 'PayMerchant',
  aggregateId: 'w-1',
  data: { paymentId, amount },
});

const event = (data: Record<string, unknown>) => ({ eventType: 'MerchantPaid', data }) as unknown as RecordedEvent;

describe('an aggregate with checks and a list in its state', () => {
  const a = compileAggregate(wallet);

  it('accepts a new payment id and remembers it', () => {
    const drafts = a.decide(pay('p-1', 10), { ...a.initialState });
    expect(drafts).toEqual([{ eventType: 'MerchantPaid', data: { amount: 10, paymentId: 'p-1' } }]);
    const after = a.evolve(a.initialState, event({ amount: 10, paymentId: 'p-1' }));
    expect(after).toMatchObject({ balance: 40, paidIds: ['p-1'], status: 'open' });
  });

  it('refuses the same payment id again with the check’s message, naming the id', () => {
    const after = a.evolve(a.initialState, event({ amount: 10, paymentId: 'p-1' }));
    expect(a.decide(pay('p-1', 10), after)).toEqual({
      rejected: true,
      reason: 'PayMerchant is refused: payment p-1 was already made',
    });
    expect(isRejection(a.decide(pay('p-2', 10), after))).toBe(false);
  });

  it('a payment the balance does not cover is refused with the guard’s own message, not the check’s', () => {
    expect(a.decide(pay('p-1', 80), a.initialState)).toEqual({
      rejected: true,
      reason: 'PayMerchant is refused: the balance does not cover the amount',
    });
  });

  it('a check without a message says which rule does not hold', () => {
    const plain = compileAggregate({
      ...wallet,
      commands: [{ ...wallet.commands[0]!, checks: [{ guard: wallet.commands[0]!.checks![0]!.guard }] }],
    });
    expect(plain.decide(pay('p-1', 10), { ...plain.initialState, paidIds: ['p-1'] })).toEqual({
      rejected: true,
      reason: 'PayMerchant is refused: the rule "command.paymentId is not among state.paidIds" does not hold',
    });
  });

  it('a state field that is not a list refuses the command, naming the field', () => {
    expect(a.decide(pay('p-1', 10), { ...a.initialState, paidIds: 'p-0' })).toEqual({
      rejected: true,
      reason:
        'PayMerchant is refused: "has" needs a list, but state.paidIds is "p-0" (string), not a list (in the Wallet aggregate\'s PayMerchant command)',
    });
  });

  it('an evolve that appends to something that is not a list stops the step with that sentence', () => {
    const s = mustParseScenario({
      schemaVersion: 1,
      id: 'list-fixture',
      title: 'List fixture',
      summary: 'test',
      level: 'advanced',
      concepts: ['cqrs'],
      seed: 1,
      startTime: 0,
      stepMs: 1000,
      intro: { title: 'Intro', narration: 'Intro' },
      topology: {
        topics: [],
        producers: [],
        groups: [],
        aggregates: [{ ...wallet, fields: { balance: 50, paidIds: 7 } }],
      },
      steps: [
        {
          title: 'Pay',
          narration: 'Pay',
          action: {
            kind: 'command',
            aggregate: 'Wallet',
            id: 'w-1',
            command: 'PayMerchant',
            data: { paymentId: 'p-1', amount: 1 },
          },
        },
      ],
      takeaways: ['t'],
    });
    const step = new Stepper(s, []).at(1);
    expect(step.effects).toHaveLength(1);
    // decide refuses first: the check reads the same field.
    expect(JSON.stringify(step.effects[0])).toContain('\\"has\\" needs a list, but state.paidIds is 7 (number)');
    const noCheck = mustParseScenario({
      ...s,
      topology: {
        ...s.topology,
        aggregates: [{ ...s.topology.aggregates![0]!, commands: [{ ...wallet.commands[0]!, checks: undefined }] }],
      },
    });
    const stopped = new Stepper(noCheck, []).at(1);
    expect(stopped.effects[0]).toMatchObject({
      kind: 'request-rejected',
      request: 'step-limit',
      error: expect.stringMatching(
        /^Step 1 stopped: "append" needs a list, but state\.paidIds is 7 \(number\), not a list \(in the Wallet aggregate's evolve rule for MerchantPaid \(field "paidIds"\)\)\. .* Correct the rule it names/,
      ),
    });
  });
});
