/**
 * Stream processors in a scenario (`topology.streamProcessors`): one Kafka Streams application each, created at
 * its first step. `run-stream-processor` reads what was appended to its topics since its last run (from the log
 * start the first time: auto.offset.reset = earliest, Kafka Streams' default), extracts each record's event time,
 * hands the records to `src/engine/streams` in timestamp order (the record a task picks next is the one with the
 * smallest timestamp; a table record first on a tie) and writes the results to its output topic, if it has one.
 * `restore-stream-store` is a new instance rebuilding the store from its changelog. Nothing here decides a rule.
 */
import * as broker from '../../engine/broker';
import * as streams from '../../engine/streams';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef, ScenarioDef } from '../schema';
import type { World } from '../world';
import { produceDirect } from './publish';

type StreamAction = Extract<ActionDef, { kind: 'run-stream-processor' | 'restore-stream-store' }>;
export type ProcessorSpec = NonNullable<ScenarioDef['topology']['streamProcessors']>[number];

export interface Applied {
  world: World;
  effects: Effect[];
}

/** The format's processor in the engine's shape. */
export function engineDef(p: ProcessorSpec): streams.ProcessorDef {
  if (p.type === 'join') return { kind: 'join', id: p.id, stream: p.stream, table: p.table, join: p.join };
  return {
    kind: 'windowed',
    id: p.id,
    source: p.source,
    window: p.window,
    graceMs: p.graceMs,
    aggregate: p.sumField ? { kind: 'sum', field: p.sumField } : { kind: 'count' },
  };
}

/** A time in the format (ms or ISO text) as ms; null when it is not one. */
export function toMs(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

const dataOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'data' in value ? (value as { data: unknown }).data : value;

/** The records not read yet, as a task sees them, in the order it processes them. */
function unread(world: World, p: ProcessorSpec, state: streams.ProcessorState): streams.StreamRecord[] {
  const def = engineDef(p);
  const out: streams.StreamRecord[] = [];
  for (const topic of streams.sourcesOf(def)) {
    if (!world.broker.topics[topic]) continue;
    for (let partition = 0; partition < broker.partitionCount(world.broker, topic); partition++) {
      const from = state.positions[`${topic}/${partition}`] ?? 0;
      for (const r of broker.recordsOf(world.broker, topic, partition)) {
        if (r.offset < from || r.control) continue;
        const data = dataOf(r.value);
        const field =
          p.type === 'windowed' && p.eventTimeField ? (data as Record<string, unknown>)?.[p.eventTimeField] : undefined;
        out.push({
          topic,
          partition,
          offset: r.offset,
          key: r.key,
          value: r.value === null ? null : data,
          eventTime: toMs(field) ?? r.timestamp,
          processedAt: world.time,
        });
      }
    }
  }
  const tableFirst = (r: streams.StreamRecord) => (p.type === 'join' && r.topic === p.table ? 0 : 1);
  const stamp = (r: streams.StreamRecord) =>
    broker.recordsOf(world.broker, r.topic, r.partition).find((x) => x.offset === r.offset)!.timestamp;
  return out
    .map((r) => ({ r, t: stamp(r) }))
    .sort(
      (a, b) =>
        a.t - b.t || tableFirst(a.r) - tableFirst(b.r) || a.r.partition - b.r.partition || a.r.offset - b.r.offset,
    )
    .map((x) => x.r);
}

export function streamStep(world: World, action: StreamAction, rt: CompiledScenario): Applied {
  const p = rt.scenario.topology.streamProcessors?.find((x) => x.id === action.processor);
  if (!p)
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: action.kind,
          target: action.processor,
          error: 'UNKNOWN',
          reason: `Nothing happens: this scenario has no stream processor "${action.processor}" (topology.streamProcessors)`,
        },
      ],
    };
  const def = engineDef(p);
  const before = world.streams?.[p.id] ?? streams.createProcessor(def);
  if (action.kind === 'restore-stream-store') {
    const r = streams.restoreStore(def, before);
    return { world: { ...world, streams: { ...world.streams, [p.id]: r.state } }, effects: [...r.effects] };
  }
  const partitions: Record<string, number> = {};
  for (const t of streams.sourcesOf(def))
    partitions[t] = world.broker.topics[t] ? broker.partitionCount(world.broker, t) : 0;
  const r = streams.runProcessor(def, before, unread(world, p, before), partitions);
  let w: World = { ...world, streams: { ...world.streams, [p.id]: r.state } };
  const effects: Effect[] = [...r.effects];
  if (p.output) {
    const o = writeOutputs(w, p, before, r.state);
    w = o.world;
    effects.push(...o.effects);
  }
  return { world: w, effects };
}

/** The new results go to the output topic: each store change of a windowed count, each joined record. */
function writeOutputs(
  world: World,
  p: ProcessorSpec,
  before: streams.ProcessorState,
  after: streams.ProcessorState,
): Applied {
  const topic = p.output!;
  let w = world;
  const effects: Effect[] = [];
  const send = (key: string, eventType: string, data: Record<string, unknown> | null) => {
    const o = produceDirect(
      w,
      p.id,
      topic,
      { eventType, streamId: `${p.id}-${key}`, key, data: data ?? {} },
      data ? {} : { tombstone: true },
    );
    w = o.world;
    effects.push(...o.effects);
  };
  if (after.windowed) {
    for (const c of after.windowed.store.changelog.slice(before.windowed?.store.changelog.length ?? 0)) {
      const v = c.value as streams.WindowResult | null;
      const [key, span] = c.key.split('@') as [string, string];
      const [start, end] = span.split('-').map(Number) as [number, number];
      const label = `${key}@${streams.clock(start)}`;
      send(
        label,
        'WindowResult',
        v
          ? { key, windowStart: new Date(start).toISOString(), windowEnd: new Date(end).toISOString(), value: v.value }
          : null,
      );
    }
  } else {
    for (const o of after.outputs.slice(before.outputs.length))
      send(o.key, 'JoinResult', { stream: o.stream as never, table: o.table as never });
  }
  return { world: w, effects };
}
