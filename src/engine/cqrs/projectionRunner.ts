/**
 * Runs projections against an event store with checkpoints in a CheckpointStore (IndexedDB: the
 * checkpoint and the read model are one record, saved for all projections in one transaction per
 * batch, so a reload never applies an event twice or skips one). A delay (simulated ms, read from
 * the injected clock) shows eventual consistency: an event is applied only once
 * `occurredAt (or recordedAt) + delay ≤ now`; events stay in global order, so a later event waits
 * for an earlier one.
 */
import type { EventStore, RecordedEvent, StoreEffect } from '../types';
import type { CheckpointStore } from './ports';
import { applyToProjection, initialCheckpoint, type Projection, type ProjectionCheckpoint } from './projection';
import { noUpcasters, type UpcasterChain } from './upcasters';

export interface ProjectionRunnerOptions {
  store: EventStore;
  checkpoints: CheckpointStore;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  projections: readonly Projection<any>[];
  upcasters?: UpcasterChain;
  /** Simulated milliseconds between an event and its arrival in the read models (default 0). */
  delay?: number;
  /** The simulated clock (required for a delay > 0). */
  clock?: () => number;
  /** Events read (and checkpointed) per batch (default 1,000). */
  batchSize?: number;
  /** Events read (and checkpointed) per batch during a rebuild (default 10,000). */
  rebuildBatchSize?: number;
}

export interface QueryAnswer<S> {
  state: S;
  position: number;
  /** True when the store holds events this read model has not applied yet. */
  stale: boolean;
  behindBy: number;
  effect: StoreEffect;
}

export interface ProjectionRunner {
  /** Loads the checkpoints (a read model of another version starts again from position 1). */
  start(): Promise<void>;
  /** Applies every stored event that is due, in order; returns what happened. */
  catchUp(): Promise<StoreEffect[]>;
  /** Push delivery (a subscription, a broker): duplicates are skipped, a gap is filled from the store first. */
  deliver(event: RecordedEvent): Promise<StoreEffect[]>;
  /** Throws the read model away and applies every event from position 1 (ignoring the delay); one `projection-applied` effect per projection sums it up. */
  rebuild(name?: string): Promise<StoreEffect[]>;
  checkpoint<S>(name: string): ProjectionCheckpoint<S>;
  query<S>(name: string, rowKey?: string | null): Promise<QueryAnswer<S>>;
}

export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { store, checkpoints, projections } = options;
  const upcasters = options.upcasters ?? noUpcasters;
  const delay = options.delay ?? 0;
  const batchSize = options.batchSize ?? 1000;
  const rebuildBatchSize = options.rebuildBatchSize ?? 10_000;
  if (delay > 0 && !options.clock) throw new TypeError('a projection delay needs the simulated clock');
  const names = new Set<string>();
  for (const p of projections) {
    if (names.has(p.name)) throw new TypeError(`two projections named ${p.name}`);
    names.add(p.name);
  }
  const state = new Map<string, ProjectionCheckpoint<unknown>>();
  /** During a rebuild: the id of the last event each projection passed. */
  const lastEventId = new Map<string, string>();
  let started = false;
  /** Serializes catch-ups, deliveries and rebuilds: one at a time, in call order. */
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  const versionOf = (p: Projection<unknown>) => p.version ?? 1;
  const cp = (p: Projection<unknown>) => state.get(p.name) ?? initialCheckpoint(p);
  const eventTime = (e: RecordedEvent) =>
    typeof e.metadata?.occurredAt === 'number' ? e.metadata.occurredAt : e.recordedAt;
  const due = (e: RecordedEvent, ignoreDelay: boolean) =>
    ignoreDelay || delay <= 0 || eventTime(e) + delay <= options.clock!();

  const start = async () => {
    for (const p of projections) {
      const rec = await checkpoints.load(p.name);
      state.set(
        p.name,
        rec && rec.version === versionOf(p) ? { position: rec.position, state: rec.state } : initialCheckpoint(p),
      );
    }
    started = true;
  };
  const ensureStarted = async () => {
    if (!started) await start();
  };

  const save = async (touched: Set<Projection<unknown>>) => {
    if (touched.size === 0) return;
    await checkpoints.save(
      [...touched].map((p) => ({ name: p.name, version: versionOf(p), position: cp(p).position, state: cp(p).state })),
    );
  };

  /**
   * Applies a batch in order to the given projections; stops at the first event not yet due.
   * With `effects` null (a rebuild), no per-event effect is built; `counts` tallies events applied.
   */
  const applyBatch = (
    events: RecordedEvent[],
    targets: readonly Projection<unknown>[],
    ignoreDelay: boolean,
    effects: StoreEffect[] | null,
    touched: Set<Projection<unknown>>,
    counts?: Map<string, number>,
  ) => {
    for (const stored of events) {
      if (!due(stored, ignoreDelay)) return false;
      let event: RecordedEvent | null = null;
      for (const p of targets) {
        const current = cp(p);
        if (stored.position <= current.position) continue;
        event ??= upcasters.upcast(stored);
        if (effects) {
          const applied = applyToProjection(p, current, event);
          state.set(p.name, applied.checkpoint);
          effects.push(applied.effect);
        } else {
          const handles = p.canHandle(event);
          state.set(p.name, {
            position: event.position,
            state: handles ? p.evolve(current.state, event) : current.state,
          });
          if (handles && counts) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
          lastEventId.set(p.name, event.eventId);
        }
        touched.add(p);
      }
    }
    return true;
  };

  const catchUpTargets = async (
    targets: readonly Projection<unknown>[],
    ignoreDelay: boolean,
    upTo = Infinity,
    pageSize = batchSize,
    counts?: Map<string, number>,
  ): Promise<StoreEffect[]> => {
    await ensureStarted();
    const effects: StoreEffect[] = [];
    const collect = counts ? null : effects;
    if (targets.length === 0) return effects;
    for (;;) {
      const from = Math.min(...targets.map((p) => cp(p).position)) + 1;
      if (from > upTo) return effects;
      const read = await store.readAll({ fromPosition: from, maxCount: pageSize });
      const events = upTo === Infinity ? read : read.filter((e) => e.position <= upTo);
      const touched = new Set<Projection<unknown>>();
      const complete = applyBatch(events, targets, ignoreDelay, collect, touched, counts);
      await save(touched);
      if (!complete || read.length < pageSize) return effects;
    }
  };

  return {
    start: () => serial(start),
    catchUp: () => serial(() => catchUpTargets(projections, false)),
    deliver: (event) =>
      serial(async () => {
        await ensureStarted();
        const behind = projections.filter((p) => cp(p).position < event.position - 1);
        const effects = behind.length > 0 ? await catchUpTargets(behind, false, event.position - 1) : [];
        const touched = new Set<Projection<unknown>>();
        for (const p of projections) {
          const current = cp(p);
          if (event.position <= current.position) {
            effects.push(applyToProjection(p, current, event).effect);
            continue;
          }
          if (current.position === event.position - 1) applyBatch([event], [p], false, effects, touched);
        }
        await save(touched);
        return effects;
      }),
    rebuild: (name) =>
      serial(async () => {
        await ensureStarted();
        const targets = projections.filter((p) => name === undefined || p.name === name);
        if (name !== undefined && targets.length === 0) throw new TypeError(`no projection named ${name}`);
        for (const p of targets) state.set(p.name, initialCheckpoint(p));
        await save(new Set(targets));
        const counts = new Map<string, number>();
        await catchUpTargets(targets, true, Infinity, rebuildBatchSize, counts);
        // One effect per projection: a rebuild of thousands of events is one thing that happened.
        return targets.flatMap((p): StoreEffect[] => {
          const to = cp(p).position;
          const applied = counts.get(p.name) ?? 0;
          if (to === 0) return [];
          return [
            {
              kind: 'projection-applied',
              projection: p.name,
              position: to,
              eventId: lastEventId.get(p.name) ?? '',
              rowKey: null,
              reason: `${p.name} was thrown away and rebuilt from position 1 to ${to} (${applied} event(s) applied): the read model is derived data, the store is the truth`,
            },
          ];
        });
      }),
    checkpoint: <S>(name: string) => {
      const p = projections.find((x) => x.name === name);
      if (!p) throw new TypeError(`no projection named ${name}`);
      return cp(p) as ProjectionCheckpoint<S>;
    },
    query: async <S>(name: string, rowKey: string | null = null) => {
      await ensureStarted();
      const p = projections.find((x) => x.name === name);
      if (!p) throw new TypeError(`no projection named ${name}`);
      const current = cp(p);
      const newer = await store.readAll({ fromPosition: current.position + 1 });
      const behindBy = newer.length;
      return {
        state: current.state as S,
        position: current.position,
        stale: behindBy > 0,
        behindBy,
        effect: {
          kind: 'query-answered',
          readModel: name,
          rowKey,
          stale: behindBy > 0,
          behindBy,
          reason:
            behindBy > 0
              ? `${name} has applied up to position ${current.position}; ${behindBy} newer event(s) have not reached it yet (eventual consistency)`
              : `${name} is up to date at position ${current.position}`,
        },
      };
    },
  };
}
