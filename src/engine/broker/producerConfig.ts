/**
 * A producer's configuration as Kafka validates it (ProducerConfig): defaults, the idempotence rules,
 * producer ids, and the state a new producer starts with. Its own file so the produce path
 * (`produceDraft.ts`, `producer.ts`) stays about sending.
 */
import type { BrokerState, ProducerState } from './brokerState';

export const DEFAULT_STICKY_BATCH = 10;

/** Requests without `producerId` use this implicit idempotent producer; its effects show `producerId: null`. */
export const DEFAULT_PRODUCER_ID = '(default)';
export const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

export interface ProducerOptions {
  producerId: string;
  /**
   * `enable.idempotence` as the application sets it; unset = Kafka's default (true since 3.0, effective
   * from 3.0.1 / 3.1.1 / 3.2.0 — KAFKA-13598). When it is unset, a conflicting setting (acks ≠ all,
   * retries = 0, max.in.flight > 5) turns idempotence off silently (KAFKA-13673); when it is true, the
   * same conflict is a configuration error. ProducerConfig.postProcessAndValidateIdempotenceConfigs.
   */
  idempotent?: boolean;
  /** max.in.flight.requests.per.connection, default 5. */
  maxInFlight?: number;
  /** acks, default 'all' (since 3.0). Only used to decide idempotence: replication is not modelled. */
  acks?: 'all' | -1 | 0 | 1;
  /** retries, default Integer.MAX_VALUE. Only 0 matters here (it turns idempotence off when unset). */
  retries?: number;
  /** Records per sticky batch for keyless records, default 10. */
  stickyBatchSize?: number;
  /** metadata.max.age.ms: how long the producer trusts its partition counts (default 300000 = 5 min). */
  metadataMaxAgeMs?: number;
  /** transactional.id: makes the producer transactional (needs idempotence; see `transactions.ts`). */
  transactionalId?: string;
}

/** Kafka's metadata.max.age.ms default (CommonClientConfigs / ProducerConfig): 5 minutes. */
export const DEFAULT_METADATA_MAX_AGE_MS = 300_000;

/** Thrown for a producer configuration Kafka refuses (its ConfigException). */
export class ProducerConfigError extends Error {
  override name = 'ProducerConfigError';
}

/**
 * Whether the producer is idempotent, as Kafka's ProducerConfig.postProcessAndValidateIdempotenceConfigs
 * decides: explicit `enable.idempotence=true` with a conflicting setting throws; an unset one with a
 * conflicting setting is silently false (KAFKA-13673); otherwise the explicit value or the default true.
 */
export function resolveIdempotence(options: ProducerOptions): boolean {
  const explicit = options.idempotent;
  if (explicit === false) return false;
  const acks = options.acks === undefined || options.acks === 'all' ? -1 : options.acks;
  const conflicts: string[] = [];
  if (options.retries === 0) conflicts.push('Must set retries to non-zero when using the idempotent producer.');
  if (acks !== -1)
    conflicts.push(
      'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
    );
  if ((options.maxInFlight ?? 5) > 5)
    conflicts.push('Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.');
  if (conflicts.length === 0) return true;
  if (explicit === true) throw new ProducerConfigError(`${options.producerId}: ${conflicts[0]}`);
  return false;
}

/** The next producer id the broker hands out (InitProducerId): ids are never reused. */
export function nextPid(state: BrokerState): number {
  let max = -1;
  for (const p of Object.values(state.producers)) if (p.pid > max) max = p.pid;
  return max + 1;
}

export function newProducer(options: ProducerOptions, pid = 0): ProducerState {
  const idempotent = resolveIdempotence(options);
  // ProducerConfig checks transactional.id after the idempotence rules may have turned idempotence off.
  if (options.transactionalId !== undefined && !idempotent)
    throw new ProducerConfigError(
      `${options.producerId}: Cannot set a transactional.id without also enabling idempotence.`,
    );
  return {
    producerId: options.producerId,
    ...(options.transactionalId !== undefined ? { transactionalId: options.transactionalId } : {}),
    idempotent,
    maxInFlight: options.maxInFlight ?? 5,
    stickyBatchSize: options.stickyBatchSize ?? DEFAULT_STICKY_BATCH,
    pid,
    epoch: 0,
    sequences: {},
    sticky: {},
    metadata: NO_METADATA,
    metadataMaxAgeMs: options.metadataMaxAgeMs ?? DEFAULT_METADATA_MAX_AGE_MS,
    lastSend: null,
    pending: [],
  };
}

const NO_METADATA: ProducerState['metadata'] = Object.freeze({ refreshedAt: null, partitions: Object.freeze({}) });
