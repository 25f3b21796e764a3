/**
 * The learner's per-device seed: drawn once and kept in localStorage, so choices are shuffled the
 * same way on every visit of this browser (scenarios/practiceOrder.ts). Where storage is blocked,
 * a seed for this page load keeps the order stable until a reload.
 */
const KEY = 'event-lab-learner-seed';
let fallback: string | null = null;

function draw(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

export function learnerSeed(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[a-z0-9]{1,32}$/.test(kept)) return kept;
    const seed = draw();
    localStorage.setItem(KEY, seed);
    return seed;
  } catch {
    return (fallback ??= draw());
  }
}
