/**
 * What every effect carries: why it happened, in plain words. Its own file so that an engine part whose
 * effects join `types.ts`'s `Effect` union (the replication model's) can use it without an import cycle.
 */
export interface EffectBase {
  /** Plain words: what happened and why (e.g. "murmur2('ride-42') mod 6 = 4"). */
  reason: string;
}
