/**
 * Rubric point "payment failure handled": the charge records its failure as an event (a fallback spec
 * of the charge command emits it), and the failure leads somewhere — a retry (the state the failure
 * leaves still accepts the charge, and a service sends it) or a compensation (a service reacts to
 * the failure). Its sentences use the prompt's own words (`PaymentKey.words`: a top-up, an SMS), so each is
 * true of the design on screen.
 */
import { list } from '../../compare/points';
import { deciderOf } from '../../compare/race';
import type { ScenarioDef } from '../../schema';
import type { PaymentKey, PaymentWords, RubricResult } from '../types';

/** The ride-sharing practice's words: a design built in the editor is graded by the ride-sharing key. */
const FARE: PaymentWords = {
  title: 'Payment failure is handled',
  retry: 'charge again',
  failure: 'a declined charge',
  lost: 'the fare is never paid',
};

export function paymentPoint(s: ScenarioDef, key: PaymentKey): RubricResult {
  const w = key.words ?? FARE;
  const base = { id: 'payment-failure' as const, title: w.title, study: key.study };
  const decider = deciderOf(s, key.command);
  const emitsFailure = decider?.specs.some((c) => c.emit.some((e) => e.eventType === key.failed)) ?? false;
  if (!decider || !emitsFailure)
    return {
      ...base,
      pass: false,
      feedback: `${key.command} never records ${key.failed}, so ${w.failure} leaves no fact anyone can react to.`,
    };
  const failedState = decider.aggregate.evolve.find((e) => e.eventType === key.failed)?.to;
  const services = s.topology.services ?? [];
  const senders = services.filter((sv) =>
    sv.on.some((r) => r.do.some((d) => 'command' in d && d.command === key.command)),
  );
  const retry =
    failedState !== undefined && decider.specs.some((c) => c.when.includes(failedState)) && senders.length > 0;
  const compensators = services.filter((sv) => sv.on.some((r) => r.eventType === key.failed && r.do.length > 0));
  if (retry)
    return {
      ...base,
      pass: true,
      feedback: `${key.failed} leaves the ${decider.aggregate.type} "${failedState}", which still accepts ${key.command}, so the ${list(senders.map((sv) => sv.label))} can ${w.retry} once the cause is fixed.`,
    };
  if (compensators.length > 0)
    return {
      ...base,
      pass: true,
      feedback: `${list(compensators.map((sv) => sv.label))} ${compensators.length > 1 ? 'react' : 'reacts'} to ${key.failed} and compensate${compensators.length > 1 ? '' : 's'} for ${w.failure}.`,
    };
  return {
    ...base,
    pass: false,
    feedback: `After ${key.failed} the ${decider.aggregate.type} is "${failedState ?? 'unchanged'}", where ${key.command} is refused, and no service reacts to the failure: ${w.lost}.`,
  };
}
