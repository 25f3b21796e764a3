import { nextRandom, type RngState } from '../engine/sim/random';

/**
 * A UUID-shaped (version 4 layout) id drawn from the seeded generator, so a replayed run
 * regenerates the same ids and re-appending them to the store is an idempotent no-op.
 */
export function nextEventId(rng: RngState): [id: string, next: RngState] {
  let state = rng;
  let hex = '';
  for (let i = 0; i < 4; i++) {
    const [v, n] = nextRandom(state);
    state = n;
    hex += Math.floor(v * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return [id, state];
}
