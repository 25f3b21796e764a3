/**
 * Every number and default of the NATS profile, with where it comes from. The version modelled is
 * nats-server 2.9.10 (Debian's package, what `npm run test:brokers` runs against); source paths are
 * in github.com/nats-io/nats-server at tag v2.9.10.
 */

/** Outbound bytes the server queues for one client before it calls it a slow consumer and closes the
 * connection. server/const.go MAX_PENDING_SIZE = 64 MB (configurable as `max_pending`). */
export const MAX_PENDING_BYTES_DEFAULT = 64 * 1024 * 1024;

/** Largest payload a client may publish. server/const.go MAX_PAYLOAD_SIZE = 1 MB. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

/** The status a requester gets when nobody listens on the request's subject (headers-capable clients
 * that asked for no_responders). server/client.go: `HMSG … NATS/1.0 503`;
 * https://docs.nats.io/nats-concepts/core-nats/reqreply ("No responders"). */
export const NO_RESPONDERS_STATUS = 503;

/** Publishes with the same Nats-Msg-Id inside this window are stored once.
 * server/stream.go StreamDefaultDuplicatesWindow = 2 * time.Minute;
 * https://docs.nats.io/nats-concepts/jetstream/streams (Duplicates). */
export const DUPLICATE_WINDOW_MS_DEFAULT = 2 * 60 * 1000;

/** The header that carries the publisher's message id for deduplication. server/stream.go JSMsgId. */
export const MSG_ID_HEADER = 'Nats-Msg-Id';

/** How long the server waits for an ack before the message may be redelivered (explicit and all ack
 * policies only). server/consumer.go JsAckWaitDefault = 30 * time.Second. */
export const ACK_WAIT_MS_DEFAULT = 30_000;

/** Unacknowledged deliveries a consumer may hold before it stops handing out new messages, when the
 * consumer does not set max_ack_pending (explicit and all). server/consumer.go JsDefaultMaxAckPending = 1000. */
export const MAX_ACK_PENDING_DEFAULT = 1000;

/** max_deliver unset means no limit; the server stores -1. server/consumer.go setConsumerConfigDefaults. */
export const MAX_DELIVER_UNLIMITED = -1;

/** An ephemeral consumer with no activity (pull: no fetch; push: no subscriber on its deliver subject)
 * is deleted after this. server/consumer.go JsDeleteWaitTimeDefault = 5 * time.Second; the server adds
 * 0.1–1 s of random jitter (updateInactiveThreshold), the model uses exactly 5 s. */
export const EPHEMERAL_INACTIVE_THRESHOLD_MS = 5_000;

/** Stream limits left unset are -1 (no limit) in the stream's config; max_age 0 means forever.
 * server/stream.go checkStreamCfg (MaxMsgs/MaxBytes 0 → -1). */
export const NO_LIMIT = -1;

/** The smallest max_age a stream accepts. server/stream.go checkStreamCfg ("max age needs to be >= 100ms"). */
export const MIN_MAX_AGE_MS = 100;
