/** Google Cloud Pub/Sub numbers, as documented on 2026-12-05. Each cites its page; times in simulated ms. */
const S = 1000;
const DAY = 86_400 * S;

/** ackDeadlineSeconds: default 10 s, 10–600 s. https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions */
export const DEFAULT_ACK_DEADLINE_MS = 10 * S;
export const MIN_ACK_DEADLINE_MS = 10 * S;
export const MAX_ACK_DEADLINE_MS = 600 * S;

/** ModifyAckDeadline: 0–600 s per request; 0 is a nack. https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/modifyAckDeadline */
export const MAX_MODIFY_DEADLINE_MS = 600 * S;

/**
 * messageRetentionDuration: default 7 days, at least 10 minutes; counted from publish. retainAckedMessages
 * keeps acknowledged messages for the same duration. https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions
 * (Newer: up to 31 days; this model caps subscriptions at the classic 7 days.)
 */
export const DEFAULT_SUBSCRIPTION_RETENTION_MS = 7 * DAY;
export const MIN_RETENTION_MS = 10 * 60 * S;
export const MAX_SUBSCRIPTION_RETENTION_MS = 7 * DAY;

/** Topic messageRetentionDuration: off by default, 10 minutes–31 days. https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics */
export const MAX_TOPIC_RETENTION_MS = 31 * DAY;

/** DeadLetterPolicy.maxDeliveryAttempts: 5–100, default 5. https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions#DeadLetterPolicy */
export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
export const MIN_MAX_DELIVERY_ATTEMPTS = 5;
export const MAX_MAX_DELIVERY_ATTEMPTS = 100;

/** RetryPolicy: exponential backoff between minimumBackoff (default 10 s) and maximumBackoff (default 600 s), each 0–600 s. https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions#RetryPolicy */
export const DEFAULT_MIN_BACKOFF_MS = 10 * S;
export const DEFAULT_MAX_BACKOFF_MS = 600 * S;

/** A snapshot lives 7 days minus the age of the oldest unacked message; one that would live < 1 hour is refused. https://cloud.google.com/pubsub/docs/replay-overview */
export const SNAPSHOT_LIFETIME_MS = 7 * DAY;
export const MIN_SNAPSHOT_LIFETIME_MS = 3600 * S;

/** HTTP status codes a push endpoint returns to acknowledge. https://cloud.google.com/pubsub/docs/push */
export const PUSH_SUCCESS_CODES: readonly number[] = [102, 200, 201, 202, 204];

/** Pull's maxMessages is required by the API; a request that names none here asks for 10 (a model default). https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/pull */
export const DEFAULT_PULL_MAX = 10;
