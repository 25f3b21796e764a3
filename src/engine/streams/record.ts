/** A record as a stream task sees it: where it was read from, its event time and when it was processed. */
export interface StreamRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  /** The record's value (null: a tombstone). */
  readonly value: unknown;
  /** Event time: what the TimestampExtractor returned (a field of the value, or the record's timestamp). */
  readonly eventTime: number;
  /** Processing time: when the processor handled it (the simulated wall clock). */
  readonly processedAt: number;
}
