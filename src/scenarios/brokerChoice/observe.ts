/**
 * What a run showed, read from its deliveries and give-ups only: per-key order, duplicates, what the
 * poison message did, whether the new service got last week's events. The comparison table is built
 * from these; nothing here knows which broker ran.
 */
import { ALL_EVENTS, BEATS, eventById, NEW_SERVICE, POISON, type BeatId } from './story';
import type { Delivery, GaveUp, ProfileRun } from './types';

export interface OutOfOrder {
  readonly service: string;
  readonly beat: BeatId;
  /** The event that arrived late, and the later event of the same order that had already arrived. */
  readonly late: string;
  readonly after: string;
}

export interface Duplicate {
  readonly service: string;
  readonly beat: BeatId;
  readonly label: string;
}

export interface PoisonOutcome {
  /** Deliveries of the poison message to billing that failed. */
  readonly attempts: number;
  readonly gaveUp: GaveUp | null;
  /** Other events, published by then, that billing got only after its last attempt on the poison. */
  readonly heldBack: readonly string[];
  /** Other events billing never handled because the broker set them aside too (FIFO: received with it). */
  readonly setAsideToo: readonly GaveUp[];
}

export interface Observations {
  readonly outOfOrder: readonly OutOfOrder[];
  readonly duplicates: readonly Duplicate[];
  readonly poison: PoisonOutcome;
  /** Distinct events published before the new service started that it received, of how many. */
  readonly replayed: number;
  readonly replayable: number;
}

const publishIndex = new Map(ALL_EVENTS.map((e, i) => [e.id, i]));
const idx = (id: string) => publishIndex.get(id)!;

type Placed = Delivery & { beat: BeatId };

const flatten = (run: ProfileRun): Placed[] =>
  run.steps.flatMap((s) => s.deliveries.map((d) => ({ ...d, beat: s.beat })));

function outOfOrder(all: readonly Placed[]): OutOfOrder[] {
  const out: OutOfOrder[] = [];
  const seen = new Set<string>();
  const latest = new Map<string, string>();
  for (const d of all) {
    const k = `${d.service}/${d.eventId}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const order = eventById(d.eventId).order;
    const before = latest.get(`${d.service}/${order}`);
    if (before !== undefined && idx(before) > idx(d.eventId))
      out.push({ service: d.service, beat: d.beat, late: d.label, after: eventById(before).label });
    else latest.set(`${d.service}/${order}`, d.eventId);
  }
  return out;
}

/** A delivery of an event the service had already handled (processed, or processed and crashed before acking). */
function duplicates(all: readonly Placed[]): Duplicate[] {
  const handled = new Set<string>();
  const out: Duplicate[] = [];
  for (const d of all) {
    const k = `${d.service}/${d.eventId}`;
    if (handled.has(k)) out.push({ service: d.service, beat: d.beat, label: d.label });
    if (d.outcome !== 'failed') handled.add(k);
  }
  return out;
}

function poison(run: ProfileRun, all: readonly Placed[]): PoisonOutcome {
  const billing = all.filter((d) => d.service === 'billing');
  const tries = billing.map((d, i) => ({ d, i })).filter(({ d }) => d.eventId === POISON.id && d.outcome === 'failed');
  const billingGaveUp = run.steps.flatMap((s) => s.gaveUp).filter((g) => g.service === 'billing');
  const gaveUp = billingGaveUp.find((g) => g.eventId === POISON.id) ?? null;
  const setAsideToo = billingGaveUp.filter((g) => g.eventId !== POISON.id);
  const last = tries.at(-1)?.i ?? -1;
  const poisonBeat = BEATS.findIndex((b) => b.id === 'poison');
  const publishedBy = new Set(BEATS.slice(0, poisonBeat + 1).flatMap((b) => b.publish.map((e) => e.id)));
  const firstAt = new Map<string, number>();
  billing.forEach((d, i) => {
    if (!firstAt.has(d.eventId)) firstAt.set(d.eventId, i);
  });
  const heldBack = [...publishedBy]
    .filter((id) => id !== POISON.id && firstAt.has(id) && firstAt.get(id)! > last && last >= 0)
    .map((id) => eventById(id).label);
  return { attempts: tries.length, gaveUp, heldBack, setAsideToo };
}

export function observe(run: ProfileRun): Observations {
  const all = flatten(run);
  const replayBeat = BEATS.findIndex((b) => b.id === 'replay');
  const earlier = new Set(BEATS.slice(0, replayBeat).flatMap((b) => b.publish.map((e) => e.id)));
  const got = new Set(all.filter((d) => d.service === NEW_SERVICE && earlier.has(d.eventId)).map((d) => d.eventId));
  return {
    outOfOrder: outOfOrder(all),
    duplicates: duplicates(all),
    poison: poison(run, all),
    replayed: got.size,
    replayable: earlier.size,
  };
}
