/**
 * Broker throughput: 1,000,000 keyed records produced into 12 partitions (one batch call) and consumed
 * by a group of 3 (range assignor, default max.poll.records), against a raw baseline measured in the
 * same run: plain arrays, the same murmur2 partitioner, the same record objects allocated, sequential reads.
 * The engine run includes building its produce requests and every effect (one `record-appended` per
 * record, with its partition choice and reason).
 * Figures are printed and recorded; timings are not asserted.
 */
import { describe, expect, it } from 'vitest';
import { median, medianOf, record } from '../harness';
import { createBroker, createTopic, joinGroup, partitionForKey, poll, produceBatch, type LogRecord, type ProduceRequest } from '../../src/engine/broker';

const N = 1_000_000;
const PARTITIONS = 12;
const MEMBERS = ['c1', 'c2', 'c3'];
const keys = Array.from({ length: N }, (_, i) => `ride-${i % 100_000}`);
const headers: Record<string, string> = {};

const phases: string[] = [];

function engineRun(): number {
  const t0 = performance.now();
  let s = createTopic(createBroker({ seed: 1 }), { name: 'rides', partitions: PARTITIONS }, 0).state;
  // Building the requests is timed too: it is part of producing through the engine's API.
  const requests: ProduceRequest[] = [];
  for (let i = 0; i < N; i++) requests.push({ topic: 'rides', key: keys[i]!, value: i });
  const produced = produceBatch(s, requests, 1);
  s = produced.state;
  const t1 = performance.now();
  for (const memberId of MEMBERS) s = joinGroup(s, { groupId: 'g', memberId, topics: ['rides'], autoOffsetReset: 'earliest' }, 2).state;
  let consumed = 0;
  for (let idle = 0; idle < MEMBERS.length; ) {
    idle = 0;
    for (const memberId of MEMBERS) {
      const r = poll(s, { groupId: 'g', memberId }, 3);
      s = r.state;
      consumed += r.records.length;
      if (r.records.length === 0) idle++;
    }
  }
  const t2 = performance.now();
  const ms = t2 - t0;
  phases.push(`produce ${Math.round(t1 - t0)} ms + consume ${Math.round(t2 - t1)} ms`);
  expect(produced.effects.length).toBeGreaterThanOrEqual(N);
  expect(consumed).toBe(N);
  return N / (ms / 1000);
}

function baselineRun(): number {
  const t0 = performance.now();
  const logs: LogRecord[][] = Array.from({ length: PARTITIONS }, () => []);
  for (let i = 0; i < N; i++) {
    const key = keys[i]!;
    const partition = partitionForKey(key, PARTITIONS);
    const log = logs[partition]!;
    log.push({ topic: 'rides', partition, offset: log.length, key, value: i, headers, timestamp: 1, eventId: null, producerId: null });
  }
  let consumed = 0;
  let sum = 0;
  for (const log of logs) {
    for (let i = 0; i < log.length; i++) sum += log[i]!.offset;
    consumed += log.length;
  }
  const ms = performance.now() - t0;
  expect(consumed).toBe(N);
  expect(sum).toBeGreaterThan(0);
  return N / (ms / 1000);
}

describe('broker benchmark', () => {
  it('produces and consumes 1,000,000 keyed records (12 partitions, group of 3)', async () => {
    // Baseline and engine runs alternate (after a warm-up pair), so a busy shared machine slows both alike.
    const base: number[] = [];
    const engine: number[] = [];
    let warm = true;
    const ratio = await medianOf(3, () => {
      const b = baselineRun();
      const e = engineRun();
      if (!warm) {
        base.push(b);
        engine.push(e);
      }
      warm = false;
      return e / b;
    });
    const r = record('broker: produce + consume 1M keyed records, 12 partitions, group of 3', median(engine), 'events/s', median(base));
    console.log(`[bench] engine runs: ${phases.join('; ')}`);
    console.log(`[bench] engine ${Math.round(median(engine)).toLocaleString('en-US')} events/s vs raw arrays ${Math.round(median(base)).toLocaleString('en-US')} events/s → ${r.ratio}× (median of per-pair ratios ${ratio.toFixed(3)}; target ≥ 0.5×)`);
  });
});
