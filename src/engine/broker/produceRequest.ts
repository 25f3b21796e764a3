/** What a producer asks the broker to append (one record). Its own file so `producer.ts` and `producerSend.ts` share it without importing each other. */
export interface ProduceRequest {
  topic: string;
  /** `null` = no key (sticky partitioner); `''` is a key and is hashed. */
  key: string | null;
  value: unknown;
  headers?: Record<string, string>;
  /** An explicit partition wins over the key. */
  partition?: number;
  /** Registered on first use (idempotent); omitted = the anonymous default producer. */
  producerId?: string;
  eventId?: string;
  /** Resend the producer's previous request, as a client does when an acknowledgement was lost. */
  retry?: boolean;
  /** Simulate a transient send failure: not stored; the producer keeps it in flight and retries it on its next send. */
  failOnce?: boolean;
  /** Set by `sendInTransaction` only: a transactional producer's records go through the transaction. */
  inTransaction?: true;
}
