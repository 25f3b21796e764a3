/**
 * A consumer's own table of entities, each row carrying the version of the last event applied, and
 * the policy it follows when events of one entity arrive out of order (a producer retry overtaken by a
 * later send, a retry topic, two producers for one entity). The version is the entity's own counter
 * (set by the single writer of that entity), not a Kafka offset: offsets order a partition, versions
 * order an entity, and only the version says "an event is missing".
 *
 * - `as-arrives`: no check, the naive consumer: every event is applied in arrival order, so a late,
 *   older event overwrites a newer state.
 * - `last-writer-wins`: apply only a version newer than the row's; older and equal ones are skipped (an
 *   idempotent upsert). Right when every event carries the entity's full state; a skipped gap loses
 *   whatever the missing event alone carried.
 * - `buffer`: apply only the next version; hold later ones until the gap is filled, then apply them in
 *   version order. Nothing is lost, but the entity waits, and held events live in the consumer's
 *   memory: a gap that never fills needs a timeout (then park or alert).
 * - `park`: apply only the next version; a later one is set aside for a re-drive (the caller publishes it
 *   to a parking topic), and the consumer moves on. When it comes back, the same check runs again.
 *
 * Pure: the store is a value; every outcome carries its reason.
 */

export type OrderingPolicy = 'as-arrives' | 'last-writer-wins' | 'buffer' | 'park';

export interface VersionedEvent {
  readonly entity: string;
  readonly version: number;
  readonly eventType: string;
  /** The fields the event sets on the entity's row. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Where it was read from, e.g. "orders-0@3", for the reasons. */
  readonly from: string;
}

export interface VersionedRow {
  readonly version: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface VersionedStore {
  readonly rows: Readonly<Record<string, VersionedRow>>;
  /** `buffer`: events held until their entity's gap is filled, in arrival order. */
  readonly held: readonly VersionedEvent[];
}

export type VersionOutcome =
  'applied' | 'applied-over-gap' | 'applied-older' | 'skipped-stale' | 'held' | 'released' | 'parked';

export interface VersionCheck {
  readonly outcome: VersionOutcome;
  readonly event: VersionedEvent;
  /** The row's version before this event (0: no row yet). */
  readonly current: number;
  readonly reason: string;
}

export const EMPTY_VERSIONED: VersionedStore = { rows: {}, held: [] };

const put = (store: VersionedStore, e: VersionedEvent): VersionedStore => ({
  ...store,
  rows: {
    ...store.rows,
    [e.entity]: { version: e.version, fields: { ...store.rows[e.entity]?.fields, ...e.fields } },
  },
});

const name = (e: VersionedEvent) => `${e.eventType} v${e.version} of ${e.entity} (${e.from})`;

/** Applies one arriving event under `policy`; a `buffer` may release held events after it. */
export function applyVersioned(
  store: VersionedStore,
  e: VersionedEvent,
  policy: OrderingPolicy,
): { store: VersionedStore; checks: VersionCheck[] } {
  const current = store.rows[e.entity]?.version ?? 0;
  const next = current + 1;
  const check = (outcome: VersionOutcome, reason: string): VersionCheck => ({ outcome, event: e, current, reason });

  if (policy === 'as-arrives') {
    const outcome = e.version < current ? 'applied-older' : e.version > next ? 'applied-over-gap' : 'applied';
    const reason =
      outcome === 'applied-older'
        ? `applied ${name(e)} over v${current} without checking: the row went back to an older state`
        : outcome === 'applied-over-gap'
          ? `applied ${name(e)} though the row was at v${current}: v${next} is missing and nothing noticed`
          : `applied ${name(e)}`;
    return { store: put(store, e), checks: [check(outcome, reason)] };
  }
  if (e.version <= current)
    return {
      store,
      checks: [
        check(
          'skipped-stale',
          `skipped ${name(e)}: the row is already at v${current}, so applying it again or going back would be wrong (an idempotent upsert ignores it)`,
        ),
      ],
    };
  if (e.version === next || policy === 'last-writer-wins') {
    const gap = e.version > next;
    const applied = put(store, e);
    const first = check(
      gap ? 'applied-over-gap' : 'applied',
      gap
        ? `applied ${name(e)} over v${current}: last writer wins, so v${next}${e.version - 1 > next ? `–v${e.version - 1}` : ''} will be skipped when it comes, and whatever only it carried is lost`
        : `applied ${name(e)}: the next version of the row`,
    );
    return policy === 'buffer' ? release(applied, e.entity, [first]) : { store: applied, checks: [first] };
  }
  if (policy === 'park')
    return {
      store,
      checks: [
        check(
          'parked',
          `parked ${name(e)}: the row is at v${current} and v${next} has not arrived, so it is set aside for a re-drive and the consumer moves on`,
        ),
      ],
    };
  if (store.held.some((h) => h.entity === e.entity && h.version === e.version))
    return { store, checks: [check('skipped-stale', `skipped ${name(e)}: the same version is already held`)] };
  return {
    store: { ...store, held: [...store.held, e] },
    checks: [
      check(
        'held',
        `held ${name(e)} in the buffer: the row is at v${current} and waits for v${next} before applying it`,
      ),
    ],
  };
}

/** Applies held events of `entity` while the next version is among them. */
function release(
  store: VersionedStore,
  entity: string,
  checks: VersionCheck[],
): { store: VersionedStore; checks: VersionCheck[] } {
  let s = store;
  for (;;) {
    const current = s.rows[entity]?.version ?? 0;
    const due = s.held.find((h) => h.entity === entity && h.version === current + 1);
    if (!due) break;
    s = put({ ...s, held: s.held.filter((h) => h !== due) }, due);
    checks.push({
      outcome: 'released',
      event: due,
      current,
      reason: `released ${name(due)} from the buffer: v${current} is applied, so it is next`,
    });
  }
  return { store: s, checks };
}
