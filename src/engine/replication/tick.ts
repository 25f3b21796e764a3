/**
 * Time passing: the leader's ISR expiration (followers that have not caught up for
 * replica.lag.time.max.ms leave the ISR) and acks=all requests that waited longer than the producer's
 * request.timeout.ms (DelayedProduce expires with REQUEST_TIMED_OUT). Kafka runs the ISR check every
 * replica.lag.time.max.ms / 2; here it runs at every tick.
 */
import { withPartition, type ClusterState, type ReplicationStep } from './clusterState';
import type { ReplicationEffect } from './effects';
import { maybeShrinkIsr } from './isr';

export function tick(state0: ClusterState, now: number): ReplicationStep {
  let state = state0;
  const effects: ReplicationEffect[] = [];
  for (const p0 of Object.values(state0.partitions)) {
    const shrunk = maybeShrinkIsr(state, p0, now);
    let p = shrunk.partition;
    effects.push(...shrunk.effects);
    const timeout = state.options.requestTimeoutMs;
    const expired = p.pendingAcks.filter((a) => now - a.sentAt >= timeout);
    for (const a of expired)
      effects.push({
        kind: 'replica-ack-sent',
        topic: p.topic,
        partition: p.partition,
        producer: a.producer,
        offset: a.offset,
        acks: 'all',
        error: 'REQUEST_TIMED_OUT',
        reason: `Offset ${a.offset} did not reach every in-sync replica within request.timeout.ms=${timeout} ms: ${a.producer} gets REQUEST_TIMED_OUT and retries, although the record is still in the leader's log and may yet be committed (a duplicate unless the producer is idempotent)`,
      });
    if (expired.length > 0) p = { ...p, pendingAcks: p.pendingAcks.filter((a) => !expired.includes(a)) };
    if (p !== p0) state = withPartition(state, p);
  }
  return { state, effects };
}
