/** The words and arrows every profile spec (`*Spec.ts`) builds its diagram with. */
import type { EdgeSpec } from './diagramTypes';

/** "1 queue", "3 queues". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One step's arrow maker: an arrow is hot when messages moved along it in the step (`hot` holds "from->to"). */
export const edgeMaker =
  (hot: ReadonlySet<string>) =>
  (from: string, to: string, label: string | null, dashed = false): EdgeSpec => ({
    from,
    to,
    label,
    hot: hot.has(`${from}->${to}`),
    dashed,
  });

/**
 * Who has taken from each place so far (queue or subscription → consumers), for a broker that keeps no list
 * of its consumers (SQS, Pub/Sub): `taker` names the place and the consumer of an effect that shows one.
 */
export function seenTakers<E>(
  seen: readonly E[],
  taker: (e: E) => { place: string; consumer: string } | null,
): Map<string, Set<string>> {
  const takers = new Map<string, Set<string>>();
  for (const e of seen) {
    const t = taker(e);
    if (t) (takers.get(t.place) ?? takers.set(t.place, new Set()).get(t.place)!).add(t.consumer);
  }
  return takers;
}
