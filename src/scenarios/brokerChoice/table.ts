/**
 * The comparison table, computed from the runs: each cell is read from what the run on screen did
 * (`observe`) or from the configuration its adapter read back from the broker (`facts`). The last row,
 * operations and lock-in, is hand-written and cited (`notes.ts`), and says so.
 */
import { OPERATIONS_NOTES } from './notes';
import { observe, type Observations } from './observe';
import { BEATS, eventById, NEW_SERVICE, type BeatId } from './story';
import type { ProfileId, ProfileRun } from './types';

export type RowId = 'order' | 'duplicates' | 'poison' | 'replay' | 'fanOut' | 'retention' | 'operations';

export interface Cell {
  readonly text: string;
  /** For the hand-written row: where the text comes from. */
  readonly source?: string;
}

export interface Row {
  readonly id: RowId;
  readonly label: string;
  readonly handWritten: boolean;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface ComparisonTable {
  readonly profiles: readonly { id: ProfileId; name: string }[];
  readonly rows: readonly Row[];
  readonly observations: Readonly<Record<string, Observations>>;
}

const title = (beat: BeatId) => BEATS.find((b) => b.id === beat)!.title;

function orderCell(o: Observations): Cell {
  const first = o.outOfOrder[0];
  if (!first) return { text: 'Kept: every service got each order’s events in the order they were published.' };
  const more = o.outOfOrder.length > 1 ? ` (${o.outOfOrder.length} times in all)` : '';
  return {
    text: `Not kept: ${first.service} got ${first.late} after ${first.after} (${title(first.beat)})${more}.`,
  };
}

function duplicatesCell(o: Observations): Cell {
  if (o.duplicates.length === 0) return { text: 'None in this run.' };
  const byBeat = new Map<BeatId, number>();
  for (const d of o.duplicates) byBeat.set(d.beat, (byBeat.get(d.beat) ?? 0) + 1);
  const parts = [...byBeat].map(([b, n]) => `${n} in “${title(b)}”`);
  return { text: `${o.duplicates.length} redelivered after being handled: ${parts.join(', ')}.` };
}

function poisonCell(o: Observations): Cell {
  const p = o.poison;
  const times = `Billing got it ${p.attempts} time${p.attempts === 1 ? '' : 's'}`;
  const where = !p.gaveUp
    ? 'and it was never set aside'
    : p.gaveUp.deadLetter
      ? `then it went to ${p.gaveUp.deadLetter}`
      : 'then the broker stopped delivering it to billing, with no dead-letter queue (it stays stored)';
  const too = p.setAsideToo.map(
    (g) =>
      `${eventById(g.eventId).label} waited behind it and went to ${g.deadLetter ?? 'nowhere'} too, never handled by billing`,
  );
  const held =
    p.heldBack.length > 0
      ? [`${p.heldBack.join(', ')} waited behind it until then`, ...too]
      : too.length > 0
        ? too
        : ['nothing else waited for it'];
  return { text: `${times}, ${where}; ${held.join('; ')}.` };
}

function replayCell(o: Observations, run: ProfileRun): Cell {
  const yes = o.replayed === o.replayable;
  const got = `${NEW_SERVICE} got ${o.replayed} of the ${o.replayable} earlier events`;
  return { text: `${yes ? 'Yes' : 'No'}: ${got}, through ${run.facts.replayHow}.` };
}

export function compare(runs: readonly ProfileRun[]): ComparisonTable {
  const observations: Record<string, Observations> = {};
  for (const r of runs) observations[r.profile] = observe(r);
  const row = (id: RowId, label: string, cell: (r: ProfileRun, o: Observations) => Cell, handWritten = false): Row => ({
    id,
    label,
    handWritten,
    cells: Object.fromEntries(runs.map((r) => [r.profile, cell(r, observations[r.profile]!)])),
  });
  return {
    profiles: runs.map((r) => ({ id: r.profile, name: r.name })),
    observations,
    rows: [
      row('order', 'Order per key (order id)', (_, o) => orderCell(o)),
      row('duplicates', 'Duplicates observed', (_, o) => duplicatesCell(o)),
      row('poison', 'The poison message', (_, o) => poisonCell(o)),
      row('replay', 'The new service replays last week', (r, o) => replayCell(o, r)),
      row('fanOut', 'How fan-out was done', (r) => ({ text: r.facts.fanOut })),
      row('retention', 'Retention', (r) => ({ text: r.facts.retention })),
      row(
        'operations',
        'Operations and lock-in (hand-written, cited)',
        (r) => ({ text: OPERATIONS_NOTES[r.profile].text, source: OPERATIONS_NOTES[r.profile].source }),
        true,
      ),
    ],
  };
}
