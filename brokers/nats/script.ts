/**
 * The JetStream script the differential tests run twice — through the NATS profile's `apply()` and
 * through a real nats-server with the official client — and the transcript both runs produce, so the
 * tests compare what each consumer received, in which order, with which sequence numbers, delivery
 * counts and redelivered flags, and what the server reported.
 */
import type { ConsumerRequest, StreamRequest } from '../../src/engine/nats';

export type Step =
  | { do: 'stream'; config: StreamRequest }
  /** `startAtMark`: deliver policy by_start_time from the moment of the last `mark` step. */
  | { do: 'consumer'; config: ConsumerRequest & { name: string }; startAtMark?: boolean }
  | { do: 'mark' }
  | { do: 'publish'; subject: string; data: string; msgId?: string }
  | { do: 'fetch'; consumer: string; batch: number }
  /** Acts on the latest delivery of stream sequence `seq` to `consumer`. */
  | {
      do: 'ack';
      consumer: string;
      seq: number;
      type: 'ack' | 'nak' | 'term' | 'in-progress';
      delayMs?: number;
      sync?: boolean;
    }
  | { do: 'wait'; ms: number }
  | { do: 'info'; consumer: string }
  /** Subscribes to a push consumer's deliver subject; its deliveries collect until `received`. */
  | { do: 'push-subscribe'; consumer: string }
  /** Records what a push consumer delivered since the last `received` (as a `fetch` record). */
  | { do: 'received'; consumer: string }
  | { do: 'stream-info' };

export interface Delivery {
  subject: string;
  data: string;
  seq: number;
  consumerSeq: number;
  deliveryCount: number;
  redelivered: boolean;
  pending: number;
}

export type Rec =
  | { step: 'stream'; ok: boolean }
  /** `code`: the JetStream err_code of a refusal. */
  | { step: 'consumer'; ok: boolean; code?: number }
  | { step: 'publish'; seq: number; duplicate: boolean }
  | { step: 'publish'; error: string }
  | { step: 'fetch'; consumer: string; got: Delivery[] }
  | { step: 'ack'; confirmed: boolean }
  | {
      step: 'info';
      consumer: string;
      numPending: number;
      numAckPending: number;
      numRedelivered: number;
      delivered: { consumerSeq: number; streamSeq: number };
      ackFloor: { consumerSeq: number; streamSeq: number };
    }
  | { step: 'stream-info'; messages: number; firstSeq: number; lastSeq: number };

/** The deliveries of every fetch of `consumer`, as `data@seq/deliveryCount` strings in order. */
export const received = (recs: readonly Rec[], consumer: string): string[] =>
  recs.flatMap((r) =>
    r.step === 'fetch' && r.consumer === consumer ? r.got.map((d) => `${d.data}@${d.seq}/${d.deliveryCount}`) : [],
  );
