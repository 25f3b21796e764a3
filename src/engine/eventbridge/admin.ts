/** Buses, rules with event patterns, targets with retry policies and DLQs, archives, target health. */
import { seedRng } from '../sim/random';
import {
  DEFAULT_MAX_EVENT_AGE_MS,
  DEFAULT_MAX_RETRY_ATTEMPTS,
  DEFAULT_QUIRKS,
  MAX_TARGETS_PER_RULE,
  MIN_MAX_EVENT_AGE_MS,
} from './constants';
import { patternProblem } from './pattern';
import type { EbState, EbStep, EventPattern, Health, InputSpec, Target } from './types';

export function createEventBridge(options: { seed?: number; quirks?: EbState['quirks'] } = {}): EbState {
  return {
    buses: ['default'],
    rules: [],
    archives: [],
    pending: [],
    deadLetterQueues: {},
    health: {},
    quirks: options.quirks === undefined ? DEFAULT_QUIRKS : options.quirks,
    rng: seedRng(options.seed ?? 1),
    nextId: 1,
    now: 0,
  };
}

export const rejected = (state: EbState, error: string): EbStep => ({
  state,
  effects: [{ kind: 'eventbridge-rejected', error, reason: `refused: ${error}` }],
});

export function createBus(state: EbState, r: { name: string }): EbStep {
  if (state.buses.includes(r.name)) return rejected(state, `event bus ${r.name} already exists`);
  return {
    state: { ...state, buses: [...state.buses, r.name] },
    effects: [{ kind: 'eventbridge-created', what: 'bus', name: r.name, reason: `event bus ${r.name} created` }],
  };
}

export function putRule(state: EbState, r: { name: string; bus?: string; pattern: EventPattern }): EbStep {
  const bus = r.bus ?? 'default';
  if (!state.buses.includes(bus)) return rejected(state, `event bus ${bus} does not exist`);
  if (state.rules.some((x) => x.name === r.name)) return rejected(state, `rule ${r.name} already exists`);
  const problem = patternProblem(r.pattern);
  if (problem) return rejected(state, `invalid event pattern: ${problem}`);
  return {
    state: { ...state, rules: [...state.rules, { name: r.name, bus, pattern: r.pattern, targets: [] }] },
    effects: [
      {
        kind: 'eventbridge-created',
        what: 'rule',
        name: r.name,
        reason: `rule ${r.name} on ${bus} matches ${JSON.stringify(r.pattern)}`,
      },
    ],
  };
}

export interface TargetSpec {
  id: string;
  endpoint: string;
  maxRetryAttempts?: number;
  maxEventAgeMs?: number;
  deadLetterQueue?: string;
  input?: InputSpec;
}

export function putTargets(state: EbState, r: { rule: string; targets: readonly TargetSpec[] }): EbStep {
  const rule = state.rules.find((x) => x.name === r.rule);
  if (!rule) return rejected(state, `rule ${r.rule} does not exist`);
  const targets: Target[] = [...rule.targets.filter((t) => !r.targets.some((n) => n.id === t.id))];
  for (const t of r.targets) {
    const retries = t.maxRetryAttempts ?? DEFAULT_MAX_RETRY_ATTEMPTS;
    const age = t.maxEventAgeMs ?? DEFAULT_MAX_EVENT_AGE_MS;
    if (retries < 0 || retries > DEFAULT_MAX_RETRY_ATTEMPTS)
      return rejected(state, 'MaximumRetryAttempts must be 0–185');
    if (age < MIN_MAX_EVENT_AGE_MS || age > DEFAULT_MAX_EVENT_AGE_MS)
      return rejected(state, 'MaximumEventAgeInSeconds must be 60–86,400');
    targets.push({
      id: t.id,
      endpoint: t.endpoint,
      maxRetryAttempts: retries,
      maxEventAgeMs: age,
      deadLetterQueue: t.deadLetterQueue ?? null,
      input: t.input ?? null,
    });
  }
  if (targets.length > MAX_TARGETS_PER_RULE)
    return rejected(state, `a rule can have at most ${MAX_TARGETS_PER_RULE} targets`);
  const rules = state.rules.map((x) => (x === rule ? { ...rule, targets } : x));
  const dlqs = { ...state.deadLetterQueues };
  for (const t of targets) if (t.deadLetterQueue && !dlqs[t.deadLetterQueue]) dlqs[t.deadLetterQueue] = [];
  return {
    state: { ...state, rules, deadLetterQueues: dlqs },
    effects: [
      {
        kind: 'eventbridge-created',
        what: 'targets',
        name: r.rule,
        reason: `rule ${r.rule} now invokes ${targets.map((t) => `${t.endpoint}${t.deadLetterQueue ? ` (DLQ ${t.deadLetterQueue})` : ''}`).join(', ')}`,
      },
    ],
  };
}

export function createArchive(
  state: EbState,
  r: { name: string; bus?: string; pattern?: EventPattern; retentionMs?: number },
): EbStep {
  const bus = r.bus ?? 'default';
  if (!state.buses.includes(bus)) return rejected(state, `event bus ${bus} does not exist`);
  if (state.archives.some((a) => a.name === r.name)) return rejected(state, `archive ${r.name} already exists`);
  const problem = r.pattern ? patternProblem(r.pattern) : null;
  if (problem) return rejected(state, `invalid event pattern: ${problem}`);
  const archive = { name: r.name, bus, pattern: r.pattern ?? null, retentionMs: r.retentionMs ?? null, events: [] };
  return {
    state: { ...state, archives: [...state.archives, archive] },
    effects: [
      {
        kind: 'eventbridge-created',
        what: 'archive',
        name: r.name,
        reason: `archive ${r.name} records ${r.pattern ? 'matching' : 'all'} events of ${bus} from now on, kept ${r.retentionMs ? `${r.retentionMs / 1000} s` : 'indefinitely'}; replayed events are never archived again`,
      },
    ],
  };
}

export function setHealth(state: EbState, r: { endpoint: string; health: Health }): EbStep {
  const what: Record<Health, string> = {
    ok: 'accepts invocations',
    failing: 'fails with a retriable error (unavailable, throttled)',
    'no-permissions': 'refuses EventBridge (missing permissions): not retried',
    'no-resource': 'no longer exists: not retried',
  };
  return {
    state: { ...state, health: { ...state.health, [r.endpoint]: r.health } },
    effects: [
      { kind: 'eventbridge-health', endpoint: r.endpoint, health: r.health, reason: `${r.endpoint} ${what[r.health]}` },
    ],
  };
}
