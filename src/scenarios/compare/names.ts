/**
 * Matching a learner's names to the reference's: the same name, the same name in another case, or
 * a close name (the same word stems, or one name's stems inside the other's: `RideAccepted` and
 * `DriverAcceptedRide`, `rides` and `ride-events`). Each reference name gets at most one learner name.
 */

export type NameMatch = 'same' | 'case' | 'close';

/** The same name, in any letter case. */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Words of a PascalCase, camelCase or kebab-case name. */
export const nameWords = (name: string): string[] => name.match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [name];

/** A crude English stem: `Accepted`, `accepts`, `accepting` → `accept`; `notified` → `notify`; `rides` → `rid`. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // A doubled final consonant (`cancelled`, `shipped`) stems like the single one.
  if (/([bcdfgklmnprstvz])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

export const stems = (name: string): Set<string> => new Set(nameWords(name).map(stem));

export function howClose(reference: string, learner: string): NameMatch | null {
  if (reference === learner) return 'same';
  if (reference.toLowerCase() === learner.toLowerCase()) return 'case';
  const a = stems(reference);
  const b = stems(learner);
  const shared = [...a].filter((x) => b.has(x)).length;
  const smaller = Math.min(a.size, b.size);
  if (shared === smaller && shared >= Math.min(2, smaller)) return 'close';
  return null;
}

const SCORE: Record<NameMatch, number> = { same: 3, case: 2, close: 1 };

/** Best one-to-one assignment, greedily by closeness then by reference order. */
export function matchNames(
  reference: readonly string[],
  learner: readonly string[],
): Map<string, { name: string; how: NameMatch }> {
  const pairs: { r: number; l: string; how: NameMatch }[] = [];
  reference.forEach((r, i) =>
    learner.forEach((l) => {
      const how = howClose(r, l);
      if (how) pairs.push({ r: i, l, how });
    }),
  );
  pairs.sort((x, y) => SCORE[y.how] - SCORE[x.how] || x.r - y.r);
  const out = new Map<string, { name: string; how: NameMatch }>();
  const used = new Set<string>();
  for (const p of pairs) {
    const r = reference[p.r]!;
    if (out.has(r) || used.has(p.l)) continue;
    out.set(r, { name: p.l, how: p.how });
    used.add(p.l);
  }
  return out;
}
