/**
 * Narration once a run has left its script. A scripted sentence ("partition 0 is committed at 1")
 * is true of the original story, not necessarily of this run: after a learner's action the world
 * took another path. So each script step is compared with the same step of the story its text was
 * written for (`sameStory.ts`: its effects and the facts after it). One that played out the same keeps the authored text, which is true
 * of it; one that played out otherwise is told from this run's own effects, led by the difference that
 * matters most, under a heading that says the authored one is the original's, with the authored text
 * kept apart and the differences named: "In the original: X. Here: Y."
 */
import type { Effect, Narration } from '../engine/types';
import type { StepDef } from './schema';
import { summariseEffects } from './effectSummary';
import { effectSentences, idsOf, sentence, withoutIds } from './plainWords';
import { CLOCK, factDifferences, fingerprint, playedTheSame, type StepOutcome } from './sameStory';

const MAX_DIFFERENCES = 4;

/** This run's script step: the authored text where it played out as in the original, else told from its effects. */
export function narrateScriptAfterBranch(step: StepDef, here: StepOutcome, original: StepOutcome): Narration {
  if (playedTheSame(here, original)) return { title: step.title, text: step.narration, generated: false };
  return toldDifferently(step, here, original, 'original');
}

/**
 * A script step that played out otherwise than in the story its text was written for (`of`): the heading
 * says the authored headline is that story's, the text leads with the most important difference and goes
 * on with this run's effects, and the authored text is kept apart with the differences.
 */
export function toldDifferently(
  step: StepDef,
  here: StepOutcome,
  written: StepOutcome,
  of: 'original' | 'reference',
): Pick<Narration, 'title' | 'titleLead' | 'text' | 'allEffects' | 'generated' | 'original'> {
  const effects = here.effects;
  const ranked = rankedDifferences(written.effects, effects);
  // The lead names differences from the list beside it, so what it quotes of the original is labelled there too.
  const lead = leadOf(ranked.slice(0, MAX_DIFFERENCES), of);
  // The sentence the lead already says is not said twice.
  const told = toldFromEffects(lead.hereIndex === null ? effects : effects.filter((_, i) => i !== lead.hereIndex));
  const there = of === 'reference' ? 'the reference design' : 'the original';
  // The same effects on a system an earlier step changed: what differs is the system, named in the list.
  const facts = ranked.length === 0 ? factDifferences(here.world, written.world) : [];
  // The same effects in another order (read models catching up in another order): said as such.
  const reordered = ranked.length === 0 && facts.length === 0;
  if (reordered) facts.push({ here: 'The same things happened in another order.', there: 'In another order.' });
  const intro = reordered
    ? `The same things happened as in ${there}, in another order:`
    : ranked.length === 0
      ? `This step did what it did in ${there}, on a system earlier steps had changed:`
      : '';
  const text =
    lead.text && told.text.startsWith('Nothing changed')
      ? lead.text
      : [intro, lead.text, told.text].filter(Boolean).join(' ');
  const titleLead = of === 'reference' ? 'In the reference design' : 'In the original';
  return {
    title: `${titleLead}: ${step.title}`,
    titleLead,
    text: text.trim(),
    ...(told.allEffects && { allEffects: effectSentences(effects) }),
    generated: true,
    original: {
      text: step.narration,
      differences: [
        ...ranked.slice(0, MAX_DIFFERENCES).map(({ original, here: h }) => ({ original, here: h })),
        ...facts.slice(0, MAX_DIFFERENCES).map((f) => ({ original: f.there, here: f.here })),
      ],
      ...(of === 'reference' && { of }),
    },
  };
}

/** A step's text from its effects (repeated kinds summarised, every sentence kept beside it). */
export function toldFromEffects(effects: readonly Effect[]): Pick<Narration, 'text' | 'allEffects'> {
  if (effects.length === 0) return { text: 'Nothing changed in the system in this step of your run.' };
  const { text, all } = summariseEffects(effects);
  return all ? { text, allEffects: all } : { text };
}

const NOTHING_THERE = 'Nothing of this kind happened.';
const NOTHING_HERE = 'This did not happen.';

/**
 * How much a kind of difference matters to a learner, most first: a request refused, a command decided, an
 * event stored, a reaction, a record published, then reading and processing, queries and read models, group
 * membership, and offsets bookkeeping and the clock last. A kind not named sits in the middle.
 */
const RANKS: readonly [RegExp, number][] = [
  [/rejected|refused|conflict|failed|fenced|dead-lettered|crashed|out-of-range/, 0],
  [/^command-/, 1],
  [/^event-stored$/, 2],
  [/^reaction-|^saga-/, 3],
  [/^event-relayed$|^record-appended$|^produce-|^queue-enqueued$|^outbox-/, 4],
  [/^records-fetched$|^record-processed$|^queue-/, 5],
  [/^query-answered$/, 6],
  [/^projection-/, 7],
  [/^member-|^partitions-|^rebalance-/, 9],
  [/^offset|^lag-changed$|^position-moved$|^offsets-reset$/, 10],
  [/^time-advanced$/, 11],
];
const rankOf = (kind: string): number => RANKS.find(([re]) => re.test(kind))?.[1] ?? 8;

interface Difference {
  original: string;
  here: string;
  rank: number;
  /** The index in this run's effects of the effect `here` tells, or null when this run has none. */
  hereIndex: number | null;
  /** Both said the same words with other fields: the words, and the fields each had (" (offset 1)"). */
  apart?: { text: string; here: string; there: string };
}

/**
 * Effects paired by kind, in order of occurrence within a kind: where the original step and this run's step
 * did the same kind of thing differently (another offset, another member, a rejection instead of a success),
 * both sentences; effects only one of them has are named against "nothing of the kind". Ranked by how much the
 * kind matters (`RANKS`), so a refused command or an event never stored comes before offsets bookkeeping.
 */
function rankedDifferences(original: readonly Effect[], here: readonly Effect[]): Difference[] {
  const byKind = (effects: readonly Effect[]) => {
    const m = new Map<string, { text: string; index: number; e: Effect }[]>();
    effects.forEach((e, index) =>
      m.set(e.kind, [...(m.get(e.kind) ?? []), { text: sentence(withoutIds(e.reason), idsOf(e)), index, e }]),
    );
    return m;
  };
  const a = byKind(original);
  const b = byKind(here);
  const out: Difference[] = [];
  for (const kind of new Set([...a.keys(), ...b.keys()])) {
    const xs = a.get(kind) ?? [];
    const ys = b.get(kind) ?? [];
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const x = xs[i];
      const y = ys[i];
      if (x && y && fingerprint(x.e) === fingerprint(y.e)) continue;
      // The same words with other fields (the offset a record landed at): the fields that differ are named.
      const [ox, oy] = x && y && x.text === y.text ? fieldsApart(x.e, y.e) : ['', ''];
      out.push({
        original: x ? withFields(x.text, ox) : NOTHING_THERE,
        here: y ? withFields(y.text, oy) : NOTHING_HERE,
        rank: rankOf(kind),
        hereIndex: y ? y.index : null,
        ...(ox && { apart: { text: x!.text, here: oy, there: ox } }),
      });
    }
  }
  return out.sort((p, q) => p.rank - q.rank);
}

const withFields = (text: string, fields: string) => (fields ? `${text.replace(/\.$/, '')}${fields}.` : text);

/** The plain fields (numbers, words, flags) two effects of one kind disagree on, as " (offset 9)" for each. */
function fieldsApart(a: Effect, b: Effect): [string, string] {
  const plain = (v: unknown) => (typeof v === 'string' ? withoutIds(v) : v);
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = Object.keys(ra).filter(
    (k) => k !== 'reason' && !CLOCK.test(k) && typeof ra[k] !== 'object' && plain(ra[k]) !== plain(rb[k]),
  );
  const say = (r: Record<string, unknown>) =>
    keys.length ? ` (${keys.map((k) => `${k} ${String(plain(r[k]))}`).join(', ')})` : '';
  return [say(ra), say(rb)];
}

/** The ways this run's step differs from the original's, the most important first (at most four). */
export function differences(
  original: readonly Effect[],
  here: readonly Effect[],
): { original: string; here: string }[] {
  return rankedDifferences(original, here)
    .slice(0, MAX_DIFFERENCES)
    .map(({ original: o, here: h }) => ({ original: o, here: h }));
}

/**
 * The text's first words: the most important difference, what happened here against what happened in the
 * original; and, when this run lacks something the original did, the most important such thing.
 */
function leadOf(
  ranked: readonly Difference[],
  of: 'original' | 'reference',
): { text: string; hereIndex: number | null } {
  const there = of === 'reference' ? 'the reference design' : 'the original';
  const top = ranked[0];
  if (!top) return { text: '', hereIndex: null };
  const missing = ranked.find((d) => d.hereIndex === null);
  const missingText = missing ? `Unlike in ${there}, this did not happen here: ${missing.original}` : '';
  if (top.hereIndex === null) return { text: missingText, hereIndex: null };
  const here = top.apart
    ? `Here: ${top.apart.text.replace(/\.$/, '')} (${top.apart.here.slice(2, -1)}; in ${there}: ${top.apart.there.slice(2, -1)}).`
    : top.original === NOTHING_THERE
      ? `Here, unlike in ${there}: ${top.here}`
      : `Here: ${contrast(top.here, top.original, there) ?? `${top.here} In ${there}: ${top.original}`}`;
  return { text: [here, missingText].filter(Boolean).join(' '), hereIndex: top.hereIndex };
}

/**
 * Two sentences that differ in a few words ("global position 5" against "6"), as this run's with the other's
 * words in brackets: "… (global position 5), appended … (in the original: position 6)." Null when more differs.
 */
function contrast(here: string, there: string, story: string): string | null {
  const a = here.split(' ');
  const b = there.split(' ');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  if (a.length - p - q > 4 || b.length - p - q > 4 || b.length - p - q === 0) return null;
  const words = b
    .slice(Math.max(0, p - 1), b.length - q)
    .join(' ')
    .replace(/^[("']+|[)"',.;:]+$/g, '');
  return `${here.replace(/\.$/, '')} (in ${story}: ${words}).`;
}
