/**
 * The event envelope and the event store's port (docs/architecture.md, "Contracts"), part of the shared
 * contracts re-exported by `types.ts`: a stored event, its CloudEvents 1.0 view, expected revisions.
 */

/** Metadata that travels with every event. `occurredAt` is simulated milliseconds. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  occurredAt?: number;
  producer?: string;
  [key: string]: unknown;
}

/** An event before it is stored. Event types are PascalCase past tense (`RideRequested`). */
export interface NewEvent {
  eventId: string;
  eventType: string;
  /** Integer, 1 when omitted. */
  schemaVersion?: number;
  data: unknown;
  metadata?: EventMetadata;
}

/** An event once the store has accepted it. */
export interface RecordedEvent extends NewEvent {
  streamId: string;
  /** 0-based revision within its stream. */
  revision: number;
  /** 1-based global position in the store, without gaps. */
  position: number;
  /** One reading of the store's clock per append. */
  recordedAt: number;
}

/** The CloudEvents 1.0 view of a recorded event. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  dataschema: string;
  datacontenttype: 'application/json';
  data: unknown;
}

/** Event store expectation when appending (KurrentDB semantics). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the stream's last event after the append (−1 for a missing stream). */
  nextExpectedRevision: number;
  /** Global position of the last event (the global head for an empty append). */
  position: number;
}

/** The event store port: the in-memory store and the IndexedDB store both implement it. */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(
    streamId: string,
    options?: { fromRevision?: number; direction?: 'forwards' | 'backwards'; maxCount?: number },
  ): Promise<RecordedEvent[]>;
  readAll(options?: { fromPosition?: number; maxCount?: number }): Promise<RecordedEvent[]>;
  subscribeToAll(options: { afterPosition?: number }, handler: (event: RecordedEvent) => void): { unsubscribe(): void };
}
