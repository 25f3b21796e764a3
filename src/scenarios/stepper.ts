/**
 * The stepper: (scenario, inputs, k) → the world at step k, its effects and its narration.
 * A `Stepper` keeps snapshots every `snapshotEvery` steps so jumping anywhere is cheap; the pure
 * `worldAt` builds a fresh one, so the result depends only on its arguments.
 */
import type { Effect, LearnerInput, Narration, StepResult } from '../engine/types';
import { applyAction, applyInput, settle } from './actions';
import { eventsAfter, headPosition } from '../engine/eventstore/log';
import { checkStateSize, StepLimitError, stoppedMessage, withStepBudget } from './behaviour/budget';
import { ExprError } from './behaviour/expr';
import { aggregateState } from './steps/commands';
import { initialWorld } from './initialWorld';
import { narrateScriptAfterBranch } from './branchNarration';
import { playedTheSame } from './sameStory';
import { designIntro, narrateDesignStep, pairSteps, sameDesign } from './designNarration';
import { narrateEffects } from './narrate';
import { compileScenario, type CompiledScenario } from './compiledScenario';
import type { ScenarioDef } from './schema';
import { buildTimeline, type TimelineEntry } from './timeline';
import type { World } from './world';

export class Stepper {
  readonly entries: readonly TimelineEntry[];
  private readonly snapshots = new Map<number, World>();
  /** Results of steps computed by an earlier stepper of the same story (`seed`): step → world and effects. */
  private readonly seeded = new Map<number, { world: World; effects: readonly Effect[] }>();
  /**
   * The last few steps computed (step → world and effects): playing forward asks for the step after
   * the one on screen, which then starts from it instead of replaying from the snapshot below (up to
   * 24 steps, each a poll of 1,000 records in a busy run). Worlds are never changed, so keeping them is safe.
   */
  private readonly recent = new Map<number, { world: World; effects: readonly Effect[] }>();
  private readonly initialEffects: Effect[];
  private readonly rt: CompiledScenario;

  constructor(
    readonly scenario: ScenarioDef,
    readonly inputs: readonly LearnerInput[],
    private readonly snapshotEvery = 25,
    /**
     * The reference design this scenario was built from (a mock interview's answers patched into its prompt's
     * reference): script steps that play out otherwise than the reference's are told from their effects.
     */
    readonly reference: ScenarioDef | null = null,
  ) {
    this.entries = buildTimeline(scenario, inputs);
    this.rt = compileScenario(scenario);
    const init = initialWorld(scenario);
    this.snapshots.set(0, init.world);
    this.initialEffects = init.effects;
  }

  /** Number of the last step (the run has steps 0 … lastStep). */
  get lastStep(): number {
    return this.entries.length;
  }

  /**
   * The world, effects and narration of step `step` (0 … lastStep; beyond the end gives the last
   * step). A step that is not a whole number ≥ 0 is a caller's bug: it throws a RangeError (callers
   * clamp and round first) instead of looping forever looking for a snapshot.
   */
  at(step: number): StepResult<World> {
    if (!Number.isSafeInteger(step) || step < 0)
      throw new RangeError(`Stepper.at: the step must be a whole number ≥ 0, got ${String(step)}`);
    const k = Math.min(step, this.lastStep);
    const seed = this.seeded.get(k) ?? this.recent.get(k);
    if (seed)
      return { world: seed.world, effects: [...seed.effects], narration: this.narration(k, seed.effects, seed.world) };
    if (k === 0)
      return {
        world: this.snapshots.get(0)!,
        effects: this.initialEffects,
        narration: this.narration(0, this.initialEffects, this.snapshots.get(0)!),
      };
    const before = this.worldBefore(k);
    const { world, effects } = this.apply(before, k);
    this.recent.set(k, { world, effects: [...effects] });
    if (this.recent.size > RECENT_STEPS) this.recent.delete(this.recent.keys().next().value!);
    return { world, effects, narration: this.narration(k, effects, world) };
  }

  /** The world at step k-1, from the nearest snapshot at or below it. */
  private worldBefore(k: number): World {
    let from = Math.floor((k - 1) / this.snapshotEvery) * this.snapshotEvery;
    while (!this.snapshots.has(from)) from -= this.snapshotEvery;
    let world = this.snapshots.get(from)!;
    for (const known of [this.seeded, this.recent])
      for (const [s, seed] of known)
        if (s > from && s < k) {
          from = s;
          world = seed.world;
        }
    for (let s = from + 1; s <= k - 1; s++) {
      world = this.apply(world, s).world;
      if (s % this.snapshotEvery === 0) this.snapshots.set(s, world);
    }
    return world;
  }

  /**
   * Takes the result of step `step` (its world and effects) computed earlier by a stepper of the
   * same scenario and inputs (a stored checkpoint, state/runCheckpoint.ts): reaching that step and
   * those after it then starts there instead of at step 0. The caller vouches that the story is the
   * same (checkpoints are keyed by scenario content, inputs and build); a world that cannot belong
   * to this run (another scenario, another step, beyond the end), or that the next step cannot run
   * from (a damaged one), is refused and false returned.
   */
  seed(step: number, world: World, effects: readonly Effect[]): boolean {
    const fits =
      Number.isSafeInteger(step) &&
      step > 0 &&
      step <= this.lastStep &&
      world.step === step &&
      world.scenarioId === this.scenario.id &&
      this.runsFrom(world, step);
    if (fits) this.seeded.set(step, { world, effects });
    return fits;
  }

  /** Whether the step after `step` runs from `world` (a programming error in it means a damaged world). */
  private runsFrom(world: World, step: number): boolean {
    try {
      if (step < this.lastStep) this.apply(world, step + 1);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * One step, with a fresh work budget (`behaviour/budget.ts`). A step that goes over a limit is
   * stopped: the world only moves its clock, and the step's one effect says which limit and why,
   * so the player shows a sentence instead of freezing or failing.
   */
  private apply(world: World, k: number): { world: World; effects: Effect[] } {
    const entry = this.entries[k - 1]!;
    const timed: World = { ...world, step: k, time: world.time + this.scenario.stepMs };
    try {
      return withStepBudget(() => {
        const done =
          entry.kind === 'script'
            ? applyAction(timed, entry.step.action, this.rt)
            : applyInput(timed, entry.input, this.rt, this.scriptStepsBefore(k));
        const after = settle(done.world, this.rt);
        checkAggregatesWritten(world, after.world, this.rt);
        return { world: after.world, effects: [...done.effects, ...after.effects] };
      });
    } catch (err) {
      const reason = stopReason(err);
      if (reason === null) throw err;
      const error = stoppedMessage(
        k,
        reason,
        err instanceof ExprError ? 'Correct the rule it names so the value it reads has the right kind.' : undefined,
      );
      return {
        world: timed,
        effects: [{ kind: 'request-rejected', request: STOPPED, target: `step ${k}`, error, reason: error }],
      };
    }
  }

  /** How many script steps the run plays before step `k` (its learner inputs are steps too). */
  private scriptStepsBefore(k: number): number {
    return this.entries.slice(0, k - 1).filter((e) => e.kind === 'script').length;
  }

  private narration(k: number, effects: readonly Effect[], world: World): Narration {
    if (k === 0)
      return this.differsFromReference()
        ? designIntro(this.scenario.intro)
        : { title: this.scenario.intro.title, text: this.scenario.intro.narration, generated: false };
    const stopped = stoppedBy(effects);
    if (stopped !== null) return { title: `Step ${k} stopped`, text: stopped, generated: false };
    const entry = this.entries[k - 1]!;
    if (entry.kind === 'input') return narrateEffects(entry.input, effects);
    if (this.differsFromReference()) {
      const ref = this.referenceStep(entry.index);
      return narrateDesignStep(entry.step, { world, effects }, ref, this.leftScriptBefore(k));
    }
    if (!this.leftScriptBefore(k)) return { title: entry.step.title, text: entry.step.narration, generated: false };
    return narrateScriptAfterBranch(entry.step, { world, effects }, this.original().at(entry.index + 1));
  }

  /**
   * Whether step k played out as in the story its script text was written for (`sameStory.ts`, the comparison
   * the narration makes: the same effects and facts after it): the reference design's run for a learner's design
   * that differs from it, else the original story (no learner actions). A learner's own step never did; before
   * any action, the script is the story. The questions read it (`questionInRun.ts`): a script question is true
   * only of such steps.
   */
  playedAsWritten(k: number): boolean {
    const entry = this.entries[k - 1];
    if (k === 0) return true;
    if (entry?.kind !== 'script') return false;
    const design = this.differsFromReference();
    if (!design && !this.leftScriptBefore(k)) return true;
    const written = design ? this.referenceStep(entry.index) : this.original().at(entry.index + 1);
    return written !== null && playedTheSame(this.at(k), written);
  }

  /** Whether a learner's action came before step k (then the world may differ from the script's). */
  private leftScriptBefore(k: number): boolean {
    this.firstInput ??= this.entries.findIndex((e) => e.kind === 'input');
    return this.firstInput >= 0 && this.firstInput < k - 1;
  }
  private firstInput: number | undefined;

  /** Whether this scenario is a learner's design that is not its reference (the reference itself is told as authored). */
  differsFromReference(): boolean {
    this.differs ??= this.reference !== null && !sameDesign(this.scenario, this.reference);
    return this.differs;
  }
  private differs: boolean | undefined;

  /** The reference's step that the script step `index` stands for, and its effects in the reference's run. */
  private referenceStep(index: number) {
    const reference = this.reference!;
    this.pairs ??= pairSteps(this.scenario.steps, reference.steps);
    const at = this.pairs[index];
    if (at === null || at === undefined) return null;
    this.referenceStepper ??= new Stepper(reference, [], this.snapshotEvery);
    const { world, effects } = this.referenceStepper.at(at + 1);
    return { step: reference.steps[at]!, world, effects };
  }
  private pairs: (number | null)[] | undefined;
  private referenceStepper: Stepper | null = null;

  /** The original story (no learner actions), to say what a script step did there. */
  private originalStepper: Stepper | null = null;
  private original(): Stepper {
    this.originalStepper ??= new Stepper(this.scenario, [], this.snapshotEvery);
    return this.originalStepper;
  }
}

/** How many recently computed steps a stepper keeps (the one on screen, the next, one more). */
const RECENT_STEPS = 3;

/**
 * Every aggregate stream this step wrote to (through a command, a publish or a reaction) must still
 * fold into a state within the limits, so that views and later steps that load it never meet a
 * runaway state: the step that would store the offending event is the one that stops.
 */
function checkAggregatesWritten(before: World, after: World, rt: CompiledScenario): void {
  if (rt.aggregates.size === 0 || after.log === before.log) return;
  const streams = new Set(eventsAfter(after.log, headPosition(before.log)).map((e) => e.streamId));
  for (const streamId of streams) {
    const owner = rt.aggregateOfStream(streamId);
    if (!owner) continue;
    const id = streamId.slice(owner.spec.streamPrefix.length);
    checkStateSize(aggregateState(after, rt, owner.spec.type, id)!.state, owner.spec.type, id);
  }
}

/** The `request` of the one effect of a step stopped by a limit. */
export const STOPPED = 'step-limit';

/** The message of a step stopped by a limit, or null for a step that ran. */
export function stoppedBy(effects: readonly Effect[]): string | null {
  const e = effects[0];
  return effects.length === 1 && e?.kind === 'request-rejected' && e.request === STOPPED ? e.error : null;
}

/**
 * Why a step failed, for the learner, or null for a programming error (rethrown). Besides the
 * limits, a rule that cannot be evaluated (an `ExprError`: a list operation on something else) and the
 * engine running out of memory or stack (a RangeError) also stop the step.
 */
function stopReason(err: unknown): string | null {
  if (err instanceof StepLimitError || err instanceof ExprError) return err.message;
  if (err instanceof RangeError) return `it needs more memory than a browser tab allows (${err.message})`;
  return null;
}

export function worldAt(scenario: ScenarioDef, inputs: readonly LearnerInput[], step: number): StepResult<World> {
  return new Stepper(scenario, inputs).at(step);
}
