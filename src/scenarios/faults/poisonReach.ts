/**
 * Whether a poison record sent now ever fails anywhere in the rest of the story. It fails only when a later script
 * `poll` fetches it (`poll.ts`): first, a topic no later `poll` of a group reads can never get there
 * (`noPoisonPoll`, from the script alone); then the branch itself is run ahead from the world on screen, because
 * whether a poll reaches the record depends on where its key puts it, who owns that partition by then, how far
 * behind that member is and how many records it fetches — the story's own steps decide, not a guess of them.
 */
import { logStartOffset, recordsOf } from '../../engine/broker';
import type { LearnerInput } from '../../engine/types';
import type { ScenarioDef } from '../schema';
import { Stepper } from '../stepper';
import type { World } from '../world';
import { noPoisonPoll } from './laterPolls';

export type PoisonInput = Extract<LearnerInput, { kind: 'poison-message' }>;

export interface PoisonFate {
  topic: string;
  partition: number;
  offset: number;
  /** The first step whose poll fails on it, or null when none does before the story ends. */
  failsAt: number | null;
  /** Gone from the log by the end of the story (retention deleted its segment, or compaction removed it). */
  gone: 'retention' | 'compaction' | null;
}

/** Where the poison record of `branch` (its inputs, the poison at `step` among them) lands, and the first step that fails on it. */
export function poisonFate(
  scenario: ScenarioDef,
  branch: readonly LearnerInput[],
  step: number,
  world: World,
): PoisonFate | null {
  const run = new Stepper(scenario, branch);
  // The branch keeps the story up to `step`: start from the world on screen instead of replaying it.
  if (step > 0) run.seed(step, world, []);
  // The fault's own step (`inject.ts`): the poison record appended, then the fault-injected note.
  const own = run.at(step + 1).effects;
  const appended = own.find((e) => e.kind === 'record-appended');
  if (appended?.kind !== 'record-appended' || !own.some((e) => e.kind === 'fault-injected')) return null;
  const { topic, partition, offset } = appended;
  for (let k = step + 2; k <= run.lastStep; k++)
    if (
      run
        .at(k)
        .effects.some(
          (e) =>
            e.kind === 'processing-failed' && e.topic === topic && e.partition === partition && e.offset === offset,
        )
    )
      return { topic, partition, offset, failsAt: k, gone: null };
  const end = run.at(run.lastStep).world.broker;
  const gone =
    logStartOffset(end, topic, partition) > offset
      ? 'retention'
      : recordsOf(end, topic, partition).some((r) => r.offset === offset)
        ? null
        : 'compaction';
  return { topic, partition, offset, failsAt: null, gone };
}

/**
 * Why the poison record `poison` would never fail in this story, or null when a later poll fails on it. `done` is the
 * script steps the run has played (`scriptStepsBy`), `branch` the inputs of the branch the fault starts (the poison
 * last), `world` the world at `poison.atStep`.
 */
export function whyPoisonNeverFails(
  scenario: ScenarioDef,
  world: World,
  done: number,
  branch: readonly LearnerInput[],
  poison: PoisonInput,
): string | null {
  const never = noPoisonPoll(scenario, done, poison.topic);
  if (never) return never;
  const fate = poisonFate(scenario, branch, poison.atStep, world);
  if (!fate || fate.failsAt !== null) return null;
  const key = poison.key === null ? 'with no key' : `with key ${poison.key}`;
  const tp = `${fate.topic}-${fate.partition}`;
  const why =
    fate.gone === 'retention'
      ? `retention deletes it before any later poll fetches it`
      : fate.gone === 'compaction'
        ? `compaction removes it before any later poll fetches it`
        : `none of the later polls in this story fetches offset ${fate.offset} of ${tp}`;
  return `Sent ${key}, the record would land in ${tp} at offset ${fate.offset}, and ${why}, so it would never fail. Try another key (the key decides the partition) or another topic.`;
}
