/**
 * What changed in the step, marked on the diagram: a ring around what the stage on screen touches
 * (the producer sending, the new record, the member fetching or processing, the moved commit tag,
 * the group rebalancing) and a short label anchored to each change ("new · offset 3", "committed 4",
 * "lag 5 → 2"). Labels of stages already shown stay, quieter, until the next step. Pure.
 */
import type { Effect } from '../../engine/types';
import { CELL_H, tagWidth, tpKey } from './brokerGeometry';
import { effectIndices, type StageMask } from './brokerStages';
import type { BrokerViewModel, CommitMarkVM, RingVM, StageLabelVM, StageMarksVM, TopicVM } from './brokerTypes';

const CHAR_W = 6.9;
const LABEL_H = 16;
/** A busy step marks its first changes only, so labels never pile up. */
const MAX_LABELS = 8;
const labelW = (text: string) => Math.ceil(text.length * CHAR_W) + 10;

/** Places a label in a partition's mark band: right of `x`, clear of the commit tags and the other labels there. */
function placeInBand(x: number, w: number, taken: readonly [number, number][], min: number, max: number): number {
  const clear = (a: number) => taken.every(([l, r]) => a + w <= l || a >= r);
  for (let a = Math.min(x, max - w); a <= max - w; a += 4) if (clear(a)) return a;
  for (let a = Math.min(x, max - w); a >= min; a -= 4) if (clear(a)) return a;
  return Math.max(min, Math.min(x, max - w));
}

const range = (xs: readonly number[]) => (xs.length === 1 ? `offset ${xs[0]}` : `offsets ${xs[0]}–${xs.at(-1)}`);

export function stageMarks(
  model: BrokerViewModel,
  effects: readonly Effect[],
  mask: StageMask,
  /** The committed offset before the step, by group and "topic:partition" (unknown: undefined). */
  committedBefore: (groupId: string, key: string) => number | undefined,
): StageMarksVM {
  const rings: RingVM[] = [];
  const labels: StageLabelVM[] = [];
  const current = mask.current;
  const ring = (id: string, x: number, y: number, width: number, height: number, rx = 8) =>
    rings.push({ id, x: x - 4, y: y - 4, width: width + 8, height: height + 8, rx });

  // Mark-band occupancy per partition line (commit tags first, then labels as they are placed).
  const bands = new Map<string, [number, number][]>();
  const bandOf = (t: TopicVM, y: number) => {
    const k = `${t.name}@${y}`;
    let b = bands.get(k);
    if (!b) {
      b = t.partitions.flatMap((p) =>
        p.commits.filter((m) => m.y === y).map((m): [number, number] => [m.x - 3, m.x - 3 + tagWidth(m.badge)]),
      );
      bands.set(k, b);
    }
    return b;
  };
  const addLabel = (t: TopicVM, id: string, text: string, x: number, bandY: number, now: boolean) => {
    if (labels.length >= MAX_LABELS) return;
    const w = labelW(text);
    const band = bandOf(t, bandY);
    const at = placeInBand(x, w, band, t.x + 40, t.x + t.width);
    band.push([at - 2, at + w + 2]);
    labels.push({ id, text, x: at, y: bandY + 4 + LABEL_H - 4.5, width: w, current: now });
  };

  // New records: each partition's landed cells, labelled with their offsets.
  for (const t of model.topics)
    for (const p of t.partitions) {
      const landed = p.cells.filter((c) => c.isNew);
      if (landed.length === 0) continue;
      const landedAt = effects.findIndex(
        (e) => e.kind === 'record-appended' && e.topic === t.name && e.partition === p.partition,
      );
      const now = landedAt >= 0 && mask.now(landedAt, 'land');
      for (const c of landed)
        if (now) ring(`cell/${t.name}/${p.partition}/${c.offset}`, c.x, c.y, model.cellW - 4, CELL_H, 9);
      const last = landed.at(-1)!;
      addLabel(
        t,
        `new/${t.name}/${p.partition}`,
        `new · ${range(landed.map((c) => c.offset))}`,
        last.x + 2,
        last.y + CELL_H + 2,
        now,
      );
    }

  // Commit tags that moved in this step (once their commit has arrived).
  const commits = new Map<string, number>();
  const commitIndices = [...effectIndices(effects, 'offset-committed'), ...effectIndices(effects, 'offsets-reset')];
  for (const i of commitIndices.sort((a, b) => a - b)) {
    const e = effects[i]!;
    if ((e.kind === 'offset-committed' || e.kind === 'offsets-reset') && mask.reached(i, 'commit'))
      commits.set(`${e.groupId}|${tpKey(e.topic, e.partition)}`, i);
  }
  const movedTag = (t: TopicVM, partition: number, m: CommitMarkVM) => {
    const i = commits.get(`${m.groupId}|${tpKey(t.name, partition)}`);
    if (i === undefined) return;
    const was = committedBefore(m.groupId, tpKey(t.name, partition));
    if (was === m.offset) return;
    const now = mask.now(i, 'commit');
    if (now) ring(`commit/${m.groupId}/${t.name}/${partition}`, m.x - 3, m.y + 4, tagWidth(m.badge), 15, 5);
    addLabel(
      t,
      `commit/${m.groupId}/${t.name}/${partition}`,
      `committed ${m.offset}`,
      m.x - 3 + tagWidth(m.badge) + 4,
      m.y,
      now,
    );
  };
  for (const t of model.topics) for (const p of t.partitions) for (const m of p.commits) movedTag(t, p.partition, m);

  // Whoever the stage on screen is about: the sending producer, the fetching member, the rebalancing group.
  if (current) {
    // One pass over the stage's effects (a poll's process stage has one per record): its members (by
    // group), the partitions whose lag changes (the members that own them are ringed) and its groups.
    const members = new Map<string, Set<string>>();
    const lagged = new Set<string>();
    const groups = new Set<string>();
    for (const i of current.effects) {
      const e = effects[i]!;
      if (!('groupId' in e)) continue;
      groups.add(e.groupId);
      if ('memberId' in e) {
        const of = members.get(e.groupId);
        if (of) of.add(e.memberId);
        else members.set(e.groupId, new Set([e.memberId]));
      }
      if (e.kind === 'lag-changed') lagged.add(`${e.groupId}|${tpKey(e.topic, e.partition)}`);
    }
    if (current.kind === 'send')
      for (const p of model.producers) if (p.emitted > 0) ring(`emitter/${p.id}`, p.x, p.y, p.width, p.height, 12);
    // The relay reads what the event store holds, before it produces it.
    if (current.kind === 'relay')
      for (const p of model.producers) if (p.kind === 'relay') ring(`emitter/${p.id}`, p.x, p.y, p.width, p.height, 12);
    if (current.kind === 'fetch' || current.kind === 'process' || current.kind === 'lag')
      for (const g of model.groups)
        for (const m of g.members)
          if (
            members.get(g.groupId)?.has(m.memberId) ||
            m.chips.some((c) => lagged.has(`${g.groupId}|${tpKey(c.topic, c.partition)}`))
          )
            ring(`member/${g.groupId}/${m.memberId}`, m.x, m.y, m.width, m.height, 9);
    if (current.kind === 'rebalance' || current.kind === 'members')
      for (const g of model.groups)
        if (groups.has(g.groupId)) ring(`group/${g.groupId}`, g.x, g.y, g.width, g.height, 12);
  }
  return {
    kind: current?.kind ?? 'done',
    caption: current ? `${mask.index + 1} of ${mask.stageCount} · ${current.summary}` : null,
    rings,
    labels,
  };
}

/**
 * Notes shown in place of a member's status: "processing…" while its records are processed, and
 * "lag 5 → 2" once its commits have changed its lag (the sum over its partitions, as the status).
 */
export function memberNotes(
  model: BrokerViewModel,
  effects: readonly Effect[],
  mask: StageMask,
  lagFrom: { before: (groupId: string, key: string) => number | undefined },
): Map<string, { text: string; current: boolean }> {
  const notes = new Map<string, { text: string; current: boolean }>();
  /** Members processing now, by group. */
  const processing = new Map<string, Set<string>>();
  const lagged = new Map<string, boolean>();
  // Only the stage on screen can be processing (a poll's process stage holds one effect per record).
  if (mask.current?.kind === 'process')
    for (const i of mask.current.effects) {
      const e = effects[i]!;
      if (!mask.now(i, 'process') || !('memberId' in e) || !('groupId' in e)) continue;
      const of = processing.get(e.groupId);
      if (of) of.add(e.memberId);
      else processing.set(e.groupId, new Set([e.memberId]));
    }
  for (const i of effectIndices(effects, 'lag-changed')) {
    const e = effects[i]!;
    if (e.kind === 'lag-changed' && mask.reached(i, 'lag')) {
      const k = `${e.groupId}|${tpKey(e.topic, e.partition)}`;
      lagged.set(k, (lagged.get(k) ?? false) || mask.now(i, 'lag'));
    }
  }
  const ends = new Map(
    model.topics.flatMap((t) => t.partitions.map((p) => [tpKey(t.name, p.partition), p.logEndOffset])),
  );
  for (const g of model.groups)
    for (const m of g.members) {
      const id = `${g.groupId}/${m.memberId}`;
      if (processing.get(g.groupId)?.has(m.memberId)) {
        notes.set(id, { text: 'processing…', current: true });
        continue;
      }
      const owned = m.chips.filter((c) => c.state !== 'revoked');
      const touched = owned.filter((c) => lagged.has(`${g.groupId}|${tpKey(c.topic, c.partition)}`));
      if (touched.length === 0 || owned.some((c) => c.lag === null)) continue;
      let old = 0;
      for (const c of owned) {
        const k = tpKey(c.topic, c.partition);
        const was = lagged.has(`${g.groupId}|${k}`) ? lagFrom.before(g.groupId, k) : c.committed;
        if (was === undefined || was === null) {
          old = NaN;
          break;
        }
        old += Math.max(0, (ends.get(k) ?? 0) - was);
      }
      const now = owned.reduce((n, c) => n + (c.lag ?? 0), 0);
      if (Number.isNaN(old) || old === now) continue;
      const current = touched.some((c) => lagged.get(`${g.groupId}|${tpKey(c.topic, c.partition)}`));
      notes.set(id, { text: `lag ${old} → ${now}`, current });
    }
  return notes;
}
