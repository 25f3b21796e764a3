/**
 * Invoking targets: each (event, rule, target) is attempted; a retriable failure is retried with
 * exponential backoff and jitter until MaximumRetryAttempts or MaximumEventAgeInSeconds, then the event
 * goes to the target's DLQ (an SQS standard queue) or is dropped. Missing permissions or a missing
 * resource are not retried: straight to the DLQ. Events arrive in no guaranteed order, at least once.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
import { nextRandom, type RngState } from '../sim/random';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './constants';
import { targetInput } from './transform';
import type { DeadLetter, EbEffect, EbState, Pending, Rule, Target } from './types';

function shuffle<T>(items: T[], rng: RngState): [T[], RngState] {
  const out = [...items];
  let r = rng;
  for (let i = out.length - 1; i > 0; i--) {
    const [v, next] = nextRandom(r);
    r = next;
    const j = Math.floor(v * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return [out, r];
}

function backoff(attempts: number, rng: RngState): [number, RngState] {
  const full = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
  const [v, next] = nextRandom(rng);
  return [Math.round(full / 2 + (v * full) / 2), next];
}

const ruleArn = (rule: Rule) => `arn:aws:events:us-east-1:123456789012:rule/${rule.bus}/${rule.name}`;

function giveUp(
  state: EbState,
  p: Pending,
  rule: Rule,
  target: Target,
  code: string,
  condition: DeadLetter['attributes']['EXHAUSTED_RETRY_CONDITION'] | null,
  effects: EbEffect[],
): EbState {
  const base = { rule: rule.name, target: target.id, eventId: p.event.id };
  const why = condition ? `retries exhausted (${condition})` : `${code}: not retried`;
  if (!target.deadLetterQueue) {
    effects.push({
      kind: 'eventbridge-dropped',
      ...base,
      reason: `event ${p.event.id} dropped for ${target.endpoint}: ${why}, and the target has no DLQ`,
    });
    return state;
  }
  const letter: DeadLetter = {
    event: p.event,
    attributes: {
      RULE_ARN: ruleArn(rule),
      TARGET_ARN: target.endpoint,
      ERROR_CODE: code,
      ...(condition ? { EXHAUSTED_RETRY_CONDITION: condition } : {}),
      RETRY_ATTEMPTS: String(Math.max(p.attempts - 1, 0)),
    },
  };
  const q = target.deadLetterQueue;
  effects.push({
    kind: 'eventbridge-dead-lettered',
    ...base,
    deadLetterQueue: q,
    reason: `event ${p.event.id} sent to DLQ ${q} for ${target.endpoint}: ${why}`,
  });
  return {
    ...state,
    deadLetterQueues: { ...state.deadLetterQueues, [q]: [...(state.deadLetterQueues[q] ?? []), letter] },
  };
}

/** One attempt of `p` at `now`: returns the state without `p`, plus `p` rescheduled if it will be retried. */
function attempt(state: EbState, p: Pending, now: number, effects: EbEffect[]): EbState {
  const rule = state.rules.find((r) => r.name === p.rule);
  const target = rule?.targets.find((t) => t.id === p.target);
  if (!rule || !target) return state; // the rule or target was removed meanwhile: nothing to invoke
  const tried = { ...p, attempts: p.attempts + 1 };
  const health = state.health[target.endpoint] ?? 'ok';
  const replayName = p.event['replay-name'] ?? null;
  if (health === 'ok') {
    let s = state;
    const copies = [false];
    if (state.quirks) {
      const [v, rng] = nextRandom(s.rng);
      s = { ...s, rng };
      if (v < state.quirks.duplicate) copies.push(true);
    }
    for (const duplicate of copies)
      effects.push({
        kind: 'eventbridge-delivered',
        rule: rule.name,
        target: target.id,
        endpoint: target.endpoint,
        eventId: p.event.id,
        attempt: tried.attempts,
        duplicate,
        replayName,
        input: target.input ? targetInput(target.input, p.event) : p.event,
        reason: duplicate
          ? `${target.endpoint} invoked again with event ${p.event.id}: delivery is at least once, so targets must be idempotent`
          : `${target.endpoint} invoked with event ${p.event.id} by rule ${rule.name}${tried.attempts > 1 ? ` (attempt ${tried.attempts})` : ''}${replayName ? ` (replay ${replayName})` : ''}`,
      });
    return s;
  }
  if (health === 'no-permissions' || health === 'no-resource')
    return giveUp(
      state,
      tried,
      rule,
      target,
      health === 'no-permissions' ? 'NO_PERMISSIONS' : 'NO_RESOURCE',
      null,
      effects,
    );
  const fail = (retryAt: number | null, extra: string) =>
    effects.push({
      kind: 'eventbridge-attempt-failed',
      rule: rule.name,
      target: target.id,
      eventId: p.event.id,
      attempt: tried.attempts,
      retryAt,
      reason: `${target.endpoint} failed attempt ${tried.attempts} for event ${p.event.id}${extra}`,
    });
  if (tried.attempts > target.maxRetryAttempts) {
    fail(null, '');
    return giveUp(state, tried, rule, target, 'ERROR_FROM_TARGET', 'MaximumRetryAttempts', effects);
  }
  const [wait, rng] = backoff(tried.attempts, state.rng);
  const s = { ...state, rng };
  if (now + wait - p.putAt > target.maxEventAgeMs) {
    fail(null, '');
    return giveUp(s, tried, rule, target, 'ERROR_FROM_TARGET', 'MaximumEventAgeInSeconds', effects);
  }
  fail(now + wait, `; retry in ${(wait / 1000).toFixed(1)} s (exponential backoff with jitter)`);
  return { ...s, pending: [...s.pending, { ...tried, nextAt: now + wait }] };
}

/** Attempts every pending delivery due at `now`, in no guaranteed order when the quirks are on. */
export function deliverDue(state: EbState, now: number, effects: EbEffect[]): EbState {
  let due = state.pending.filter((p) => p.nextAt <= now);
  if (due.length === 0) return state;
  let s: EbState = { ...state, pending: state.pending.filter((p) => p.nextAt > now) };
  if (s.quirks?.shuffle) {
    const [mixed, rng] = shuffle(due, s.rng);
    due = mixed;
    s = { ...s, rng };
  }
  for (const p of due) s = attempt(s, p, now, effects);
  return s;
}
