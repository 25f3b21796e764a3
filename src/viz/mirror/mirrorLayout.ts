/**
 * What the two-regions view draws, computed from the mirror state (pure, tested): each region's topics as rows of
 * records by offset (a copy names the offset it came from), the services' committed offsets and the checkpoints
 * as marks on those rows, the offset syncs and what each service processed (a record seen twice flagged).
 * The "true position" mark is the run's knowledge (the first copy of a record the group had not committed in the
 * source); MM2 cannot know it, and the view says so.
 */
import { latestCheckpoint, remoteTopic, tp, type MirrorState, type OffsetSync } from '../../engine/mirror';

export interface Mark {
  kind: 'committed' | 'checkpoint' | 'true-position';
  service: string;
}

export interface Cell {
  offset: number;
  eventId: string | null;
  /** For a copy: the source region and offset it came from. */
  from?: { region: string; offset: number };
  marks: Mark[];
}

export interface TopicRow {
  topic: string;
  logStart: number;
  logEnd: number;
  cells: Cell[];
  /** Marks at the log end: the slot the next record will take. */
  endMarks: Mark[];
  /** A remote topic: where its records come from. */
  source?: string;
}

export interface RegionColumn {
  alias: string;
  down: boolean;
  topics: TopicRow[];
}

export interface FlowInfo {
  source: string;
  target: string;
  syncsTopic: string;
  syncs: { topic: string; syncs: readonly OffsetSync[] }[];
  kept: { topic: string; sync: OffsetSync }[];
  checkpointsTopic: string;
  checkpoints: { service: string; topic: string; upstream: number; downstream: number }[];
}

export interface ServiceInfo {
  service: string;
  processed: { eventId: string | null; region: string; where: string; duplicate: boolean; skipped: boolean }[];
  duplicates: number;
  rows: [string, string][];
}

const statusOf = (v: unknown): string =>
  v && typeof v === 'object' && 'status' in v ? String((v as { status: unknown }).status) : JSON.stringify(v);

export function layoutMirror(s: MirrorState): { regions: RegionColumn[]; flows: FlowInfo[]; services: ServiceInfo[] } {
  const regions = Object.values(s.regions).map((r): RegionColumn => {
    const topics = Object.entries(r.broker.topics).map(([name, t]): TopicRow => {
      const log = t.partitions[0]!;
      const flow = s.flows.find(
        (f) => f.def.target === r.alias && f.def.topics.some((x) => remoteTopic(f.policy, f.def.source, x) === name),
      );
      const src = flow?.def.topics.find((x) => remoteTopic(flow.policy, flow.def.source, x) === name);
      const pairs = flow && src ? (flow.copied[tp(src, 0)] ?? []) : [];
      const cells: Cell[] = log.records
        .filter((x) => !x.control)
        .map((x) => {
          const pair = pairs.find((p) => p.downstream === x.offset);
          return {
            offset: x.offset,
            eventId: x.eventId,
            ...(pair && flow ? { from: { region: flow.def.source, offset: pair.upstream } } : {}),
            marks: [],
          };
        });
      const endMarks: Mark[] = [];
      const mark = (offset: number, m: Mark) => (cells.find((c) => c.offset === offset)?.marks ?? endMarks).push(m);
      for (const [g, group] of Object.entries(r.broker.groups).sort(([a], [b]) => a.localeCompare(b))) {
        const c = group.committed[tp(name, 0)];
        if (c) mark(c.offset, { kind: 'committed', service: g });
      }
      if (flow && src && !r.down) {
        const upstreamGroups = s.regions[flow.def.source]!.broker.groups;
        const seen = new Set<string>();
        for (const cp of [...flow.checkpoints].reverse()) {
          if (cp.topic !== name || seen.has(cp.group)) continue;
          seen.add(cp.group);
          mark(cp.downstream, { kind: 'checkpoint', service: cp.group });
          const up = upstreamGroups[cp.group]?.committed[tp(src, 0)]?.offset;
          if (up === undefined || latestCheckpoint(flow.checkpoints, cp.group, name, 0) !== cp) continue;
          const truePos = pairs.find((p) => p.upstream >= up)?.downstream ?? log.logEndOffset;
          if (truePos !== cp.downstream) mark(truePos, { kind: 'true-position', service: cp.group });
        }
      }
      return {
        topic: name,
        logStart: log.logStartOffset,
        logEnd: log.logEndOffset,
        cells,
        endMarks,
        ...(flow && src ? { source: flow.def.source } : {}),
      };
    });
    return { alias: r.alias, down: r.down, topics };
  });
  const flows = s.flows.map((f): FlowInfo => ({
    source: f.def.source,
    target: f.def.target,
    syncsTopic: `mm2-offset-syncs.${f.def.target}.internal`,
    syncs: Object.entries(f.syncs).map(([k, syncs]) => ({ topic: k.replace(/:(\d+)$/, '-$1'), syncs })),
    kept: Object.entries(f.delayed).map(([k, sync]) => ({ topic: k.replace(/:(\d+)$/, '-$1'), sync })),
    checkpointsTopic: `${f.def.source}.checkpoints.internal`,
    checkpoints: f.checkpoints.map((c) => ({
      service: c.group,
      topic: `${c.topic}-${c.partition}`,
      upstream: c.upstream,
      downstream: c.downstream,
    })),
  }));
  const services = Object.entries(s.apps).map(([service, app]): ServiceInfo => ({
    service,
    processed: app.processed.map((p) => ({
      eventId: p.eventId,
      region: p.region,
      where: `${p.region} ${p.topic}@${p.offset}`,
      duplicate: p.duplicate,
      skipped: p.skipped,
    })),
    duplicates: app.processed.filter((p) => p.duplicate).length,
    // Rows with a status (an entity's state); a service that only charges keeps none worth showing.
    rows: Object.entries(app.rows)
      .filter(([, v]) => !!v && typeof v === 'object' && 'status' in v)
      .map(([k, v]) => [k, statusOf(v)] as [string, string]),
  }));
  return { regions, flows, services };
}
