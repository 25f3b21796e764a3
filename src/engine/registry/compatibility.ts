/**
 * Confluent Schema Registry's compatibility types, as its "Schema Evolution and Compatibility" page defines
 * them (https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html):
 * BACKWARD — consumers using the new schema can read data written with the last registered one (allowed: delete
 * fields, add optional fields; upgrade consumers first); FORWARD — data written with the new schema can be read
 * by consumers using the last one (allowed: add fields, delete optional fields; upgrade producers first); FULL —
 * both (add or delete optional fields; any order); the _TRANSITIVE variants check against every earlier version,
 * not just the last; NONE checks nothing. "Can read" is Avro's schema resolution (`resolve.ts`).
 */
import { canRead } from './resolve';
import type { CompatibilityMode, RecordSchema } from './schema';

export type Direction = 'backward' | 'forward';

export interface Incompatibility {
  /** Which earlier version the candidate fails against (1-based, as the registry numbers them). */
  readonly against: number;
  readonly direction: Direction;
  readonly reason: string;
}

const DIRECTIONS: Readonly<Record<CompatibilityMode, readonly Direction[]>> = {
  BACKWARD: ['backward'],
  BACKWARD_TRANSITIVE: ['backward'],
  FORWARD: ['forward'],
  FORWARD_TRANSITIVE: ['forward'],
  FULL: ['backward', 'forward'],
  FULL_TRANSITIVE: ['backward', 'forward'],
  NONE: [],
};

export const isTransitive = (mode: CompatibilityMode): boolean => mode.endsWith('_TRANSITIVE');

/** Who to upgrade first under a mode, as the Confluent page's table says. */
export function upgradeOrder(mode: CompatibilityMode): string {
  const d = DIRECTIONS[mode];
  if (d.length === 0) return 'no order is safe in general: nothing is checked';
  if (d.length === 2) return 'any order: old and new schemas read each other';
  return d[0] === 'backward' ? 'consumers first, then producers' : 'producers first, then consumers';
}

/**
 * The first incompatibility of `candidate` with the subject's `versions` (oldest first) under `mode`, or
 * undefined when it may be registered. Non-transitive modes compare with the last version only.
 */
export function checkCompatibility(
  mode: CompatibilityMode,
  versions: readonly RecordSchema[],
  candidate: RecordSchema,
): Incompatibility | undefined {
  const dirs = DIRECTIONS[mode];
  const from = isTransitive(mode) ? 0 : Math.max(0, versions.length - 1);
  // Newest first, so a transitive refusal names the nearest version that breaks.
  for (let i = versions.length - 1; i >= from; i--) {
    const old = versions[i]!;
    for (const direction of dirs) {
      const r = direction === 'backward' ? canRead(candidate, old) : canRead(old, candidate);
      if (!r.ok) {
        const who =
          direction === 'backward'
            ? `a consumer on the new schema could not read data written with version ${i + 1}`
            : `a consumer still on version ${i + 1} could not read data written with the new schema`;
        return { against: i + 1, direction, reason: `${mode}: ${who}: ${r.reason}` };
      }
    }
  }
  return undefined;
}
