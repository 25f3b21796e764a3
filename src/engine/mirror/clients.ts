/**
 * The applications around the clusters: a producer writing in one region, a consuming service (one group id) that
 * reads in whichever region it runs, commits after processing and remembers the event ids it processed (so a
 * record it sees twice is flagged, and skipped when it is idempotent), a region going down, and a group failing
 * over to another region at the offsets the checkpoints translated (RemoteClusterUtils.translateOffsets reads the
 * latest checkpoint per partition; with no checkpoint the group has no offset and auto.offset.reset applies).
 */
import { getPartition, logStartOffset, produce as brokerProduce } from '../broker';
import { latestCheckpoint, writeCommitted } from './checkpoints';
import type { MirrorEffect } from './effects';
import { checkpointsTopic } from './policy';
import { EMPTY_APP, putRegion, tp, type MirrorState, type MirrorStep, type Processed } from './mirrorState';

const unavailable = (region: string, what: string): MirrorStep['effects'] => [
  { kind: 'mirror-changed', op: 'unavailable', region, reason: `${region} is down: ${what}` },
];

export interface RegionProduce {
  region: string;
  topic: string;
  key: string | null;
  value: unknown;
  /** Carried with the record (and copied by MM2), so a consumer can tell a record it has seen. */
  eventId: string;
  partition?: number;
}

export function produceIn(state: MirrorState, req: RegionProduce, now: number): MirrorStep {
  const r = state.regions[req.region];
  if (!r) throw new Error(`No region ${req.region}`);
  if (r.down) return { state, effects: unavailable(req.region, 'the write fails; the producer gets an error') };
  const put = brokerProduce(
    r.broker,
    { topic: req.topic, key: req.key, value: req.value, eventId: req.eventId, partition: req.partition },
    now,
  );
  const a = put.appended;
  return {
    state: putRegion(state, { ...r, broker: put.state }),
    effects: [
      {
        kind: 'mirror-changed',
        op: 'produced',
        region: req.region,
        topic: req.topic,
        reason: a
          ? `${req.eventId} written in ${req.region} to ${req.topic}-${a.partition} at offset ${a.offset}`
          : `${req.eventId} was not written in ${req.region}`,
      },
    ],
  };
}

export interface RegionConsume {
  region: string;
  group: string;
  /** Read in this order: every partition of the first topic, then the next. */
  topics: readonly string[];
  max?: number;
  /** The service keeps processed event ids with its changes and skips an id it has (an idempotent consumer). */
  idempotent?: boolean;
}

/** One poll-process-commit of a group in a region, from its committed offsets (none: earliest). */
export function consumeIn(state: MirrorState, req: RegionConsume, now: number): MirrorStep {
  const r = state.regions[req.region];
  if (!r) throw new Error(`No region ${req.region}`);
  if (r.down) return { state, effects: unavailable(req.region, `${req.group} cannot read there`) };
  let b = r.broker;
  let app = state.apps[req.group] ?? EMPTY_APP;
  const seen = new Set(app.processed.filter((p) => !p.skipped).map((p) => p.eventId));
  const effects: MirrorEffect[] = [];
  let budget = req.max ?? Number.POSITIVE_INFINITY;
  for (const topic of req.topics) {
    const t = b.topics[topic];
    if (!t) continue;
    for (let p = 0; p < t.partitions.length && budget > 0; p++) {
      const from = b.groups[req.group]?.committed[tp(topic, p)]?.offset ?? logStartOffset(b, topic, p);
      const recs = getPartition(b, topic, p)
        .records.filter((x) => x.offset >= from && !x.control)
        .slice(0, budget);
      if (recs.length === 0) continue;
      budget -= recs.length;
      const done: Processed[] = [];
      const dupEffects: MirrorEffect[] = [];
      const rows = { ...app.rows };
      for (const x of recs) {
        const duplicate = x.eventId !== null && seen.has(x.eventId);
        const skipped = duplicate && !!req.idempotent;
        if (!skipped && x.key !== null) rows[x.key] = x.value;
        if (x.eventId !== null) seen.add(x.eventId);
        done.push({
          region: req.region,
          topic,
          partition: p,
          offset: x.offset,
          key: x.key,
          eventId: x.eventId,
          duplicate,
          skipped,
        });
        if (duplicate)
          dupEffects.push({
            kind: 'mirror-changed',
            op: 'duplicate',
            region: req.region,
            topic,
            group: req.group,
            reason: `${req.group} read ${x.eventId} again (${topic}-${p} offset ${x.offset}): ${skipped ? 'it has the id already and skips it' : 'processed a second time'}`,
          });
      }
      const next = recs[recs.length - 1]!.offset + 1;
      b = writeCommitted(b, req.group, topic, p, next, now);
      app = { processed: [...app.processed, ...done], rows };
      const dups = done.filter((d) => d.duplicate).length;
      effects.push({
        kind: 'mirror-changed',
        op: 'consumed',
        region: req.region,
        topic,
        group: req.group,
        reason: `${req.group} in ${req.region} processed ${recs.length} record${recs.length === 1 ? '' : 's'} of ${topic}-${p} (${recs.length === 1 ? `offset ${next - 1}` : `offsets ${recs[0]!.offset}–${next - 1}`}${dups ? `, ${dups} already processed` : ''}) and committed ${next}`,
      });
      effects.push(...dupEffects);
    }
  }
  if (effects.length === 0)
    effects.push({
      kind: 'mirror-changed',
      op: 'consumed',
      region: req.region,
      group: req.group,
      reason: `${req.group} in ${req.region} found nothing new`,
    });
  return { state: { ...putRegion(state, { ...r, broker: b }), apps: { ...state.apps, [req.group]: app } }, effects };
}

export function regionDown(state: MirrorState, region: string): MirrorStep {
  const r = state.regions[region];
  if (!r) throw new Error(`No region ${region}`);
  const behind = state.flows
    .filter((f) => f.def.source === region)
    .flatMap((f) =>
      Object.entries(r.broker.topics).flatMap(([name, t]) =>
        t.partitions.map((log, p) => {
          const copied = f.positions[tp(name, p)] ?? log.logStartOffset;
          const n = log.records.filter((x) => x.offset >= copied && !x.control).length;
          return n > 0 && f.def.topics.includes(name)
            ? `${n} record${n === 1 ? '' : 's'} of ${name}-${p} not yet in ${f.def.target}`
            : '';
        }),
      ),
    )
    .filter(Boolean);
  return {
    state: putRegion(state, { ...r, down: true }),
    effects: [
      {
        kind: 'mirror-changed',
        op: 'region-down',
        region,
        reason: `${region} is down${behind.length ? `: ${behind.join('; ')} (replication is asynchronous)` : ''}`,
      },
    ],
  };
}

export function regionUp(state: MirrorState, region: string): MirrorStep {
  const r = state.regions[region];
  if (!r) throw new Error(`No region ${region}`);
  return {
    state: putRegion(state, { ...r, down: false }),
    effects: [
      {
        kind: 'mirror-changed',
        op: 'region-up',
        region,
        reason: `${region} is back with everything it had stored: MirrorMaker 2 resumes where it stopped`,
      },
    ],
  };
}

/**
 * A group moves from one region to another: for each remote topic-partition the flow from→to replicates, its
 * committed offset in `to` becomes the latest checkpoint's downstream offset (nothing written without a
 * checkpoint). The reason names the true position the run knows (the first copy of a record the group had not
 * committed in `from`), so the records it will read again are counted; MM2 itself cannot know it.
 */
export function failover(
  state: MirrorState,
  req: { group: string; from: string; to: string },
  now: number,
): MirrorStep {
  const f = state.flows.find((x) => x.def.source === req.from && x.def.target === req.to);
  const src = state.regions[req.from];
  const dst = state.regions[req.to];
  if (!f || !src || !dst) throw new Error(`No replication flow ${req.from}->${req.to}`);
  let b = dst.broker;
  const effects: MirrorEffect[] = [];
  for (const [key, pairs] of Object.entries(f.copied)) {
    const [topic, part] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
    const remote = f.policy === 'identity' ? topic : `${req.from}.${topic}`;
    const cp = latestCheckpoint(f.checkpoints, req.group, remote, part);
    const committedUp = src.broker.groups[req.group]?.committed[key]?.offset;
    if (!cp) {
      effects.push({
        kind: 'mirror-changed',
        op: 'failover',
        region: req.to,
        topic: remote,
        group: req.group,
        reason: `No checkpoint of ${req.group} for ${remote}-${part} in ${checkpointsTopic(req.from)}: it has no offset in ${req.to} and auto.offset.reset decides where it starts`,
      });
      continue;
    }
    b = writeCommitted(b, req.group, remote, part, cp.downstream, now);
    const truePos =
      committedUp === undefined
        ? cp.downstream
        : (pairs.find((x) => x.upstream >= committedUp)?.downstream ??
          getPartition(dst.broker, remote, part).logEndOffset);
    const again = Math.max(0, truePos - cp.downstream);
    effects.push({
      kind: 'mirror-changed',
      op: 'failover',
      region: req.to,
      topic: remote,
      group: req.group,
      reason: `${req.group} starts in ${req.to} at ${remote}-${part} offset ${cp.downstream} (its checkpoint of ${req.from} offset ${cp.upstream}); it had committed ${committedUp ?? 'nothing'} in ${req.from}, which is ${remote} offset ${truePos} here: ${again} record${again === 1 ? '' : 's'} will be read again`,
    });
  }
  return { state: putRegion(state, { ...dst, broker: b }), effects };
}
