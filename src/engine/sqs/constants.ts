/**
 * Amazon SQS and SNS numbers, as documented on 2026-12-05. Each cites the page it comes from; the
 * simulator counts milliseconds, so seconds are converted here once.
 */
const S = 1000;

/** VisibilityTimeout: default 30 s, 0 s–12 h. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html */
export const DEFAULT_VISIBILITY_TIMEOUT_MS = 30 * S;
export const MAX_VISIBILITY_TIMEOUT_MS = 43_200 * S;

/** MessageRetentionPeriod: default 4 days, 60 s–14 days. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html */
export const DEFAULT_RETENTION_MS = 345_600 * S;
export const MIN_RETENTION_MS = 60 * S;
export const MAX_RETENTION_MS = 1_209_600 * S;

/** DelaySeconds: default 0, 0–900 s (15 min), per queue or per message (standard queues only). https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html */
export const MAX_DELAY_MS = 900 * S;

/** WaitTimeSeconds: 0 = short polling, up to 20 s of long polling. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/best-practices-setting-up-long-polling.html */
export const MAX_WAIT_MS = 20 * S;

/** MaxNumberOfMessages: 1–10, default 1. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html */
export const MAX_RECEIVE_BATCH = 10;
export const DEFAULT_RECEIVE_BATCH = 1;

/** RedrivePolicy maxReceiveCount: 1–1,000. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html */
export const MAX_RECEIVE_COUNT_LIMIT = 1000;

/** FIFO deduplication interval: 5 minutes, tracked even after the message is deleted. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html */
export const DEDUP_WINDOW_MS = 5 * 60 * S;

/** A FIFO queue's (and FIFO topic's) name ends in `.fifo`. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fifo-queues.html */
export const FIFO_SUFFIX = '.fifo';

/** SNS filter policy limits: at most 5 keys, at most 150 value combinations. https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html */
export const MAX_FILTER_KEYS = 5;
export const MAX_FILTER_COMBINATIONS = 150;

/**
 * Standard queues deliver at least once and in best-effort order; how often a duplicate or a swap
 * happens is not documented. These rates are a teaching choice (rare but visible in a short run),
 * drawn from the seeded generator in the state; `quirks: null` turns them off.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues-at-least-once-delivery.html
 */
export const DEFAULT_QUIRKS = {
  /** A DeleteMessage whose stored copy on an unavailable server survives (the message comes back). */
  duplicate: 0.05,
  /** Two neighbouring messages handed out in swapped order. */
  reorder: 0.1,
  /** A short poll (WaitTimeSeconds 0) that samples a subset of servers and misses a message. */
  shortPollMiss: 0.25,
} as const;
