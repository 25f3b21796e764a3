/**
 * Counts what happened to each box in one step ("2 in · 2 delivered · 1 acked"), in the order the words
 * were first used, so a box's step line reads in the order things happened.
 */
export class Tally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(id: string, what: string, n = 1): void {
    if (n <= 0) return;
    const m = this.counts.get(id) ?? new Map<string, number>();
    m.set(what, (m.get(what) ?? 0) + n);
    this.counts.set(id, m);
  }

  /** "2 delivered · 1 acked", or null when nothing happened to `id`. */
  line(id: string): string | null {
    const m = this.counts.get(id);
    if (!m) return null;
    return [...m].map(([what, n]) => `${n} ${what}`).join(' · ');
  }
}

/** Keeps only the effects of one profile (their kinds share its prefix), typed as that profile's. */
export const ofKind = <E extends { kind: string }>(effects: readonly unknown[], prefix: string): E[] =>
  effects.filter(
    (e): e is E =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as { kind?: unknown }).kind === 'string' &&
      (e as E).kind.startsWith(prefix),
  );
