/** Amazon EventBridge numbers, as documented on 2026-12-05. Each cites its page; times in simulated ms. */
const S = 1000;

/** Up to 5 targets per rule. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html */
export const MAX_TARGETS_PER_RULE = 5;

/**
 * Target RetryPolicy of a rule on an event bus: by default 24 hours and up to 185 retries, with exponential
 * backoff and jitter. MaximumRetryAttempts 0–185, MaximumEventAgeInSeconds 60–86,400.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html
 * (The newer "Custom Event Bus" subscribers default to 5 attempts / 300 s:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-custom-bus-retry.html — not modelled.)
 */
export const DEFAULT_MAX_RETRY_ATTEMPTS = 185;
export const DEFAULT_MAX_EVENT_AGE_MS = 86_400 * S;
export const MIN_MAX_EVENT_AGE_MS = 60 * S;

/**
 * The backoff schedule itself is not documented. Teaching choice: the wait doubles from 1 s, capped at
 * 5 minutes, with "equal jitter" (half fixed, half random from the seeded generator), which spreads 185
 * retries over most of a day like the documented defaults.
 */
export const BACKOFF_BASE_MS = 1 * S;
export const BACKOFF_CAP_MS = 300 * S;

/** A replay processes events by their time, one minute after another; within a minute, order is not guaranteed. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html */
export const REPLAY_INTERVAL_MS = 60 * S;

/**
 * EventBridge delivers at least once and does not order events; how often a duplicate happens is not
 * documented. Teaching choice, from the seeded generator; `quirks: null` turns it off.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
 */
export const DEFAULT_QUIRKS = { duplicate: 0.05, shuffle: true } as const;
