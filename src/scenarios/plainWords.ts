/**
 * Effects told in plain words, for text a learner reads at a glance (a branch's generated narration,
 * the "What happened" lines). Ids are for the opened detail: an event's UUID or a queue message's id
 * says nothing at first reading, so it becomes "an event" / "a message". A batch of records processed
 * one by one is one sentence with their places, not one sentence (and one UUID) per record.
 */
import type { Effect } from '../engine/types';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The line with event UUIDs and message ids replaced by "an event" / "a message". */
export function withoutIds(line: string): string {
  const plain = line
    .replace(/\bmsg-[0-9a-f]{6,}\b/g, 'a message')
    .replace(new RegExp(`\\b(?:event )?${UUID}\\b`, 'g'), 'an event');
  // Only a sentence that now starts with "a message" or "an event" needs its capital back.
  return plain === line ? line : plain.replace(/^a(n?) /, 'A$1 ');
}

/**
 * One sentence, ending with a full stop, and capitalised unless it starts with an identifier: "ship-2",
 * "murmur2('1002')", "orderPaid" or any of `ids` (the ids the effect names, e.g. a projection called
 * "inventory") keep their case, since a capital would name something that does not exist.
 */
export function sentence(text: string, ids: readonly string[] = []): string {
  const t = text.trim();
  if (!t) return t;
  const end = /[.!?]$/.test(t) ? '' : '.';
  return (startsWithId(t, ids) ? t : t[0]!.toUpperCase() + t.slice(1)) + end;
}

function startsWithId(t: string, ids: readonly string[]): boolean {
  const first = /^[^\s:,;]+/.exec(t)?.[0] ?? '';
  // Digits, hyphens, dots, brackets or quotes inside a word, or a capital after a small letter: an id's shape.
  if (/[0-9_\-.()'"[\]{}@/]/.test(first) || /[a-z][A-Z]/.test(first)) return true;
  return ids.some((id) => id !== '' && t.startsWith(id) && !/[\p{L}\p{N}]/u.test(t[id.length] ?? ''));
}

/** The ids an effect names (its string fields but its words), whose case a sentence keeps. */
export function idsOf(e: Effect): string[] {
  return Object.entries(e).flatMap(([k, v]) =>
    typeof v === 'string' && k !== 'reason' && k !== 'kind' && !/\s/.test(v) ? [v] : [],
  );
}

type Processed = Extract<Effect, { kind: 'record-processed' }>;
type Outcome = 'first' | 'again' | 'skipped';

// delivery.ts words the three outcomes; the fold keeps their meaning and names every place.
const outcomeOf = (e: Processed): Outcome => (!e.duplicate ? 'first' : /skipped/.test(e.reason) ? 'skipped' : 'again');
const place = (e: Processed) => `${e.topic}-${e.partition}@${e.offset}`;

function processedRun(run: readonly Processed[]): string {
  const { memberId } = run[0]!;
  const places = run.map(place).join(', ');
  const n = `${run.length} record${run.length === 1 ? '' : 's'}`;
  switch (outcomeOf(run[0]!)) {
    case 'first':
      return `${memberId} processed ${n} (${places})`;
    case 'again':
      return `${memberId} processed ${n} AGAIN (${places}): ${run.length === 1 ? 'a duplicate delivery, so its side effects happen' : 'duplicate deliveries, so their side effects happen'} twice`;
    case 'skipped':
      return `${memberId} got ${n} again (${places}) and skipped ${run.length === 1 ? 'it' : 'them'}: an idempotent consumer remembers processed event ids`;
  }
}

/**
 * The effects as sentences in order, ids left out, and consecutive records processed by one member
 * with the same outcome folded into one sentence.
 */
export function effectSentences(effects: readonly Effect[], reasonOf = (e: Effect) => e.reason): string[] {
  return effectLines(effects, reasonOf).map((l) => l.text);
}

/** effectSentences with the kind of effect each sentence tells (a folded batch: 'record-processed'). */
export function effectLines(
  effects: readonly Effect[],
  reasonOf = (e: Effect) => e.reason,
): { kind: Effect['kind']; text: string }[] {
  const out: { kind: Effect['kind']; text: string }[] = [];
  for (let i = 0; i < effects.length;) {
    const e = effects[i]!;
    if (e.kind === 'record-processed') {
      let j = i + 1;
      for (; j < effects.length; j++) {
        const f = effects[j]!;
        if (f.kind !== 'record-processed' || f.memberId !== e.memberId || outcomeOf(f) !== outcomeOf(e)) break;
      }
      const run = effects.slice(i, j) as Processed[];
      // One record again, unless a fault's own words stand in its reason (reasonOf).
      out.push({ kind: e.kind, text: sentence(withoutIds(processedRun(run)), idsOf(e)) });
      i = j;
      continue;
    }
    out.push({ kind: e.kind, text: sentence(withoutIds(reasonOf(e)), idsOf(e)) });
    i++;
  }
  return out;
}
