/**
 * Crypto-shredding against a reference: over any sequence of writes (a subject's personal field sealed and
 * copied to the log, replicas and backups), key deletions and returns (a new key), a read of any copy yields
 * the subject's value exactly when the key that sealed it is still held, and is shredded otherwise — whatever
 * happened to other subjects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deleteKey, EMPTY_KEY_STORE, type KeyStore } from './keyStore';
import { open } from './cipher';
import { sealFields } from './fields';

const SUBJECTS = ['rider-1', 'rider-2', 'rider-3'];
type Op =
  | { kind: 'write'; subject: number; value: string; copies: number }
  | { kind: 'erase'; subject: number }
  | { kind: 'backup' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    subject: fc.nat({ max: 2 }),
    value: fc.string({ maxLength: 12 }),
    copies: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('erase' as const), subject: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('backup' as const) }),
);

interface Copy {
  sealed: unknown;
  subject: string;
  value: string;
  /** The reference: the key generation (per subject) that sealed it. */
  generation: number;
}

describe('crypto-shredding (property)', () => {
  it('no read of any copy of an erased key’s fields yields them; every other copy reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.nat(), (ops, seed) => {
        let store: KeyStore = EMPTY_KEY_STORE;
        const log: Copy[] = [];
        const backups: Copy[][] = [];
        // The reference model: each subject's key generation and whether it is held.
        const generation = new Map<string, number>();
        const held = new Map<string, boolean>();
        let material = seed;
        for (const o of ops) {
          if (o.kind === 'write') {
            const subject = SUBJECTS[o.subject]!;
            const r = sealFields(store, subject, { name: o.value, fare: 1 }, ['name'], material++, 0);
            store = r.store;
            if (!held.get(subject)) {
              generation.set(subject, (generation.get(subject) ?? 0) + 1);
              held.set(subject, true);
            }
            // The same sealed value in the log and its replicas.
            for (let i = 0; i < o.copies; i++)
              log.push({ sealed: r.data.name, subject, value: o.value, generation: generation.get(subject)! });
            expect(r.data.fare).toBe(1);
          } else if (o.kind === 'erase') {
            const subject = SUBJECTS[o.subject]!;
            store = deleteKey(store, subject, 0).store;
            held.set(subject, false);
          } else backups.push([...log]);
          for (const c of [...log, ...backups.flat()]) {
            const readable = held.get(c.subject) === true && generation.get(c.subject) === c.generation;
            const got = open(store, c.sealed);
            if (readable) expect(got).toMatchObject({ kind: 'decrypted', value: c.value });
            else {
              // Nothing but the key's id comes back: no value, in any copy.
              expect(got).toEqual({ kind: 'shredded', keyId: `${c.subject}/k${c.generation}` });
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
