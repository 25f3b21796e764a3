/**
 * World checkpoints: the result of one step of a run (its world and effects) kept in the run's
 * database (store `worlds`, keyed by step), so a page opened at step 10,000 starts there instead of
 * replaying the run from step 0. They are a cache: recomputable at any time, never part of a backup,
 * cleared when a run is started again, and never trusted blindly.
 *
 * - Each carries a `key` naming the story it belongs to (the build, the scenario's content version
 *   and the learner's inputs: `state/runCheckpoint.ts`); a reader passes the key it expects and a
 *   checkpoint with another key is ignored, so one is never used for another scenario, story or
 *   version of the engine.
 * - Each is checked with zod when read; a damaged one is ignored (the run replays), never an error.
 * - The world is stored as IndexedDB stores any value (a structured clone): the world is plain data
 *   whose persistent vectors and maps survive cloning (`scenarios/stepperSeed.test.ts` proves a
 *   revived world carries on exactly as the replayed one).
 * - A run keeps at most a few: writing one deletes every other except the steps the writer names
 *   (the furthest step, which opening a run always computes).
 */
import type { IDBPDatabase } from 'idb';
import { MAX_STEP } from '../scenarios/learnerInput';
import { z } from '../scenarios/zod';
import { chosenCheckpointSteps, nearestAtOrBelow } from './checkpointChoice';
import type { RunDbSchema } from './databases';
import type { WorldCheckpoint } from './worldCheckpointTypes';

export type { StoredLagRow, WorldCheckpoint } from './worldCheckpointTypes';

const Step = z.number().int().min(0).max(MAX_STEP);
const Checkpoint = z.object({
  step: Step.min(1),
  key: z.string().min(1).max(2_000),
  // The world is the engine's own data: its shape is checked where it must hold (the step it is
  // for); the engine's types are not restated here.
  world: z.looseObject({ step: Step, scenarioId: z.string() }),
  effects: z.array(z.looseObject({ kind: z.string() })),
  lagRows: z.array(z.object({ step: Step, lags: z.record(z.string(), z.number().nullable()) })),
  savedAt: z.number(),
});

/** The checkpoint if `raw` is one of the story `key` (null: of any story), else null (another story, or damaged). */
export function parseWorldCheckpoint(raw: unknown, key: string | null): WorldCheckpoint | null {
  const r = Checkpoint.safeParse(raw);
  if (!r.success || (key !== null && r.data.key !== key) || r.data.world.step !== r.data.step) return null;
  return raw as WorldCheckpoint;
}

/** Those of `raw` (stored values) that are checkpoints of the story `key` (null: any), in order. */
export const parseWorldCheckpoints = (raw: readonly unknown[], key: string | null): WorldCheckpoint[] =>
  raw.flatMap((r) => parseWorldCheckpoint(r, key) ?? []);

/**
 * For each of `steps`, the checkpoint of the story `key` nearest at or below it (those that exist
 * and read well). Only the story's keys are read to choose; then only the chosen worlds.
 *
 * With `key` null, the nearest of any story: a page opening a saved scenario reads them before it
 * knows the story's key (app/earlyRun.ts), and uses them only when they all turn out to be of its
 * story — each is then exactly the one the keyed read would have chosen, since the story's
 * checkpoints are among all the run's.
 */
export async function readWorldCheckpoints(
  db: IDBPDatabase<RunDbSchema>,
  steps: readonly number[],
  key: string | null,
): Promise<WorldCheckpoint[]> {
  const tx = db.transaction('worlds');
  const ofStory = await (key === null ? tx.store.getAllKeys() : tx.store.index('byKey').getAllKeys(key));
  const chosen = chosenCheckpointSteps(ofStory, steps);
  const raw = await Promise.all([...chosen.map((s) => tx.store.get(s).catch(() => undefined)), tx.done]);
  return parseWorldCheckpoints(raw.slice(0, chosen.length), key);
}

/**
 * Writes `checkpoint` and deletes every other one except, of the same story, the nearest at or below
 * each of the `keep` steps (a run opening there starts from it).
 */
export async function writeWorldCheckpoint(
  db: IDBPDatabase<RunDbSchema>,
  checkpoint: WorldCheckpoint,
  keep: readonly number[],
): Promise<void> {
  const tx = db.transaction('worlds', 'readwrite');
  const put = tx.store.put(checkpoint);
  // Keys only (the index on the story key): the worlds themselves are not read back to prune them.
  const prune = (async () => {
    const [all, same] = await Promise.all([tx.store.getAllKeys(), tx.store.index('byKey').getAllKeys(checkpoint.key)]);
    const withNew = [...same.filter((s) => s !== checkpoint.step), checkpoint.step];
    const kept = new Set(keep.flatMap((k) => nearestAtOrBelow(withNew, k) ?? []));
    kept.add(checkpoint.step);
    await Promise.all(all.filter((s) => !kept.has(s)).map((s) => tx.store.delete(s)));
  })();
  await Promise.all([put, prune, tx.done]);
}
