/**
 * The prompt's runs placed in a learner's own design: played on the learner's own script, with each
 * fault moved to the step of that script where it bites (the poll that records the charge, the race
 * step, the read model catching up on the decline), found by playing the script once without faults.
 * Where the script lacks a step the run needs, the run either adds the smallest honest piece and says so
 * (a second poll for a redelivery to reach; a lone accept sent twice, as a race) or is not played and
 * names what is missing. Never the reference's script: its commands carry the reference's data.
 */
import type { LearnerInput } from '../../engine/types';
import type { RecordedEvent } from '../../engine/events';
import { idFieldOf } from '../compare/facts';
import type { ScenarioDef, StepDef } from '../schema';
import { Stepper } from '../stepper';
import { runCheck } from './runs/runChecks';
import type { GradingKey, RunResult, RunSpec } from './types';

export interface PracticeRun extends RunResult {
  /** What the run plays, in words: which step of the learner's script, and anything added to it. */
  how: string;
  /** The scenario the run played (the learner's, or with the step added), to open it as a branch; null when not played. */
  design: ScenarioDef | null;
  /** Not played: the design lacks what the run needs (`feedback` names it). */
  missing: boolean;
}

/** The learner's name for a reference name (null: nothing in the design plays that part). */
export type Yours = (reference: string) => string | null;
/** What a reference name is, in words ("the event that records a successful charge"). */
export type WhatIs = (reference: string) => string;

const quoted = (s: ScenarioDef, i: number) => `step ${i + 1} (“${s.steps[i]!.title}”)`;

/** The first step whose world holds an event of `type`, and that event. */
function firstStored(stepper: Stepper, type: string): { k: number; event: RecordedEvent } | null {
  for (let k = 1; k <= stepper.lastStep; k++) {
    const event = stepper.at(k).world.log.events.find((e) => e.eventType === type);
    if (event) return { k, event };
  }
  return null;
}

/** Which entity an event is about: the data field holding its aggregate's id, and that id. */
function entityOf(s: ScenarioDef, e: RecordedEvent): { idField: string; entityId: string } | null {
  const agg = s.topology.aggregates?.find((a) => e.streamId.startsWith(a.streamPrefix));
  const id = agg ? e.streamId.slice(agg.streamPrefix.length) : e.streamId;
  const data = (e.data ?? {}) as Record<string, unknown>;
  const field = idFieldOf(s, e.eventType) ?? Object.keys(data).find((k) => String(data[k]) === id);
  return field && data[field] !== undefined ? { idField: field, entityId: String(data[field]) } : null;
}

/** Why a run has nothing to fault: the script, played, never stores the event it needs. */
const neverStored = (type: string, add: string) =>
  `played as it is, your script never stores ${type}: add ${add}, or, if it has them, see which earlier step is refused.`;

const withSteps = (s: ScenarioDef, steps: StepDef[]): ScenarioDef => ({ ...s, steps });

/** A run that was not played: `feedback` names what the design lacks. */
const notPlayed = (spec: RunSpec, title: string, feedback: string): PracticeRun => ({
  id: spec.id,
  title,
  pass: false,
  feedback: `Not run: ${feedback}`,
  inputs: [],
  openAt: 0,
  study: spec.study,
  how: 'Not played.',
  design: null,
  missing: true,
});

/** A run placed and played; a script that cannot be played (a step over the engine's limits) is reported, never thrown. */
export function placeRun(
  s: ScenarioDef,
  spec: RunSpec,
  key: GradingKey,
  names: { yours: Yours; what: WhatIs },
  title: string,
): PracticeRun {
  try {
    return placeUnsafe(s, spec, key, names, title);
  } catch (e) {
    return notPlayed(spec, title, `your script could not be played (${(e as Error).message}).`);
  }
}

function placeUnsafe(
  s: ScenarioDef,
  spec: RunSpec,
  key: GradingKey,
  { yours, what }: { yours: Yours; what: WhatIs },
  title: string,
): PracticeRun {
  const names = {
    raceCommand: key.race ? yours(key.race.command) : null,
    failed: key.payment ? yours(key.payment.failed) : null,
    captured: key.payment ? yours(key.payment.captured) : null,
  };
  const notRun = (feedback: string) => notPlayed(spec, title, feedback);
  const played = (design: ScenarioDef, placed: RunSpec, how: string, openAt?: number): PracticeRun => {
    const r = runCheck(design, placed);
    return { ...r, title, openAt: openAt ?? r.openAt, how, design, missing: false };
  };
  let baseline: Stepper;
  try {
    baseline = new Stepper(s, []);
  } catch (e) {
    return notRun(`your script cannot be played (${(e as Error).message}).`);
  }
  const o = spec.outcome;

  if (o.kind === 'told') {
    if (!names.failed) return notRun('your design records no failed charge, so there is nothing to tell the rider.');
    const failed = firstStored(baseline, names.failed);
    if (!failed) return notRun(neverStored(names.failed, 'a charge that is declined'));
    const about = entityOf(s, failed.event);
    const projection =
      s.topology.projections?.find((p) => p.on.some((h) => h.eventType === names.failed)) ??
      s.topology.projections?.find((p) => p.on.some((h) => h.eventType === names.captured));
    if (!projection || !about) return notRun(`no read model in your design shows the rider the payment.`);
    let after = failed.k;
    while (
      after < baseline.lastStep &&
      (baseline.at(after).world.projections[projection.name]?.position ?? 0) < failed.event.position
    )
      after++;
    const placed: RunSpec = {
      ...spec,
      outcome: { ...o, projection: projection.name, row: about.entityId, before: after - 1, after },
    };
    return played(
      s,
      placed,
      `Played on your script: the ${projection.name} row ${about.entityId} just before and just after it applies ${names.failed}, stored at ${quoted(s, failed.k - 1)}.`,
    );
  }

  if (spec.faults.length === 0) {
    // The race: the learner's race step, or their one accept sent twice at once.
    const accepted = yours(o.eventType);
    if (!names.raceCommand || !accepted) return notRun('your design has no command two drivers can send at once.');
    const raceAt = s.steps.findIndex(
      (st) => st.action.kind === 'race' && st.action.commands[0]!.command === names.raceCommand,
    );
    let design = s;
    let how = raceAt < 0 ? '' : `Played on your script’s race, ${quoted(s, raceAt)}.`;
    let at = raceAt;
    if (raceAt < 0) {
      at = s.steps.findIndex((st) => st.action.kind === 'command' && st.action.command === names.raceCommand);
      const step = s.steps[at];
      if (!step || step.action.kind !== 'command') return notRun(`no step of your script sends ${names.raceCommand}.`);
      const { kind: _kind, ...call } = step.action;
      const race: StepDef = {
        ...step,
        action: { kind: 'race', commands: [call, { ...call, issuedBy: 'a second driver' }] },
      };
      design = withSteps(
        s,
        s.steps.map((st, i) => (i === at ? race : st)),
      );
      how = `Your script sends ${names.raceCommand} once (${quoted(s, at)}); the run sends it twice at the same instant, as a race.`;
    }
    const first = firstStored(new Stepper(design, []), accepted);
    const about = first && entityOf(design, first.event);
    if (!about) return notRun(`no step of your script stores ${accepted} with the id of what it is about.`);
    return played(design, { ...spec, outcome: { ...o, eventType: accepted, ...about } }, how, at + 1);
  }

  // A fault on the consumer that records the outcome (the charge): moved to the poll that stores it.
  const type = yours(o.eventType);
  if (!type) return notRun(`nothing in your design is ${what(o.eventType)} (${o.eventType} in the reference).`);
  const first = firstStored(baseline, type);
  if (!first) return notRun(neverStored(type, 'steps through to the charge'));
  const entry = baseline.entries[first.k - 1];
  const action = entry?.kind === 'script' ? entry.step.action : null;
  if (!action || action.kind !== 'poll')
    return notRun(
      `${type} is stored by ${quoted(s, first.k - 1)}, not by a consumer's poll, so there is no delivery to repeat.`,
    );
  const about = entityOf(s, first.event);
  if (!about) return notRun(`${type} carries no field with the id of what it is about.`);
  const anchor = first.k - 1;
  const shift = anchor - spec.faults[0]!.atStep;
  const faults = spec.faults.map((f): LearnerInput => ({
    ...f,
    atStep: f.atStep + shift,
    ...('groupId' in f && { groupId: action.group, memberId: action.member }),
  }));
  const later = s.steps.slice(anchor + 1).some((st) => st.action.kind === 'poll' && st.action.group === action.group);
  const design = later
    ? s
    : withSteps(s, [
        ...s.steps,
        {
          title: `${action.member} polls again`,
          narration: `Added by the grader: ${action.member} polls once more, so whatever was not committed is delivered again.`,
          action: { kind: 'poll', group: action.group, member: action.member },
        },
      ]);
  const how = `Played on your script, the fault at ${quoted(s, anchor)}, where ${action.member} stores ${type}.${later ? '' : ` Your script has no later poll by ${action.group}, so one was added at its end for the redelivery to reach.`}`;
  return played(design, { ...spec, faults, outcome: { ...o, eventType: type, ...about } }, how);
}
