/**
 * Run-based checks: the learner's design replayed by the real stepper with a fault of the failure lab
 * injected (or its own script, for a race or a declined card; or script steps the run adds, such as a
 * phone's late retry), graded by what the world holds at the end. A failing check keeps its inputs and the
 * design it played, so the run can be opened as a branch and stepped through.
 */
import type { ScenarioDef } from '../../schema';
import { Stepper } from '../../stepper';
import type { AlsoOutcome, Outcome, RunResult, RunSpec } from '../types';
import { departureFrom, type Departure } from './departure';
import { factsAbout, rowChange, rowOf, rowWords, times } from './outcomes';

/** The design with the run's steps added after script step `after`. */
function withInserted(design: ScenarioDef, insert: NonNullable<RunSpec['insert']>): ScenarioDef {
  const steps = [...design.steps];
  steps.splice(insert.after + 1, 0, ...insert.steps);
  return { ...design, steps };
}

const worldAt = (stepper: Stepper, step: number) => stepper.at(step).world;

const dataOf = (e: { data: unknown }) => e.data as Record<string, unknown>;

function judge(
  stepper: Stepper,
  o: Outcome | AlsoOutcome,
  departure: () => Departure | null,
): { pass: boolean; feedback: string } {
  const end = worldAt(stepper, stepper.lastStep);
  if (o.kind === 'exactly-once') {
    const n = factsAbout(end, o.eventType, o.idField, o.entityId).length;
    return {
      pass: n === 1,
      feedback:
        n === 1
          ? `${o.what} once: one ${o.eventType} for ${o.idField} ${o.entityId}.`
          : n === 0
            ? `${o.what} never: no ${o.eventType} for ${o.idField} ${o.entityId} by the end of the run${neverWhy(departure())}.`
            : `${o.what} ${times(n)}: ${n} ${o.eventType} for ${o.idField} ${o.entityId} by the end of the run.`,
    };
  }
  if (o.kind === 'names-winner') {
    const winners = end.log.events
      .filter((e) => e.eventType === o.eventType && String(dataOf(e)[o.idField]) === o.entityId)
      .map((e) => String(dataOf(e)[o.field]));
    const row = rowOf(end, o.projection, o.row);
    if (row === null) return { pass: false, feedback: `${o.who} is told nothing: no ${o.projection} row ${o.row}.` };
    const shown = JSON.stringify(row[o.field] ?? null);
    const pass = winners.length === 1 && String(row[o.field]) === winners[0];
    return {
      pass,
      feedback: pass
        ? `${o.who}'s ${o.projection} row shows ${o.field} ${shown}, the one assigned.`
        : `${o.who}'s ${o.projection} row shows ${o.field} ${shown}, while the store holds ${winners.length} ${o.eventType} (${winners.join(', ') || 'none'}).`,
    };
  }
  if (o.kind === 'row-shows') {
    const row = rowOf(end, o.projection, o.row);
    if (row === null) return { pass: false, feedback: `${o.who} is told nothing: no ${o.projection} row ${o.row}.` };
    const pass = row[o.field] === o.value;
    return {
      pass,
      feedback: pass
        ? `${o.who}'s ${o.projection} row shows ${o.field} "${o.value}".`
        : `${o.who}'s ${o.projection} row shows ${o.field} ${JSON.stringify(row[o.field] ?? null)}, not "${o.value}".`,
    };
  }
  if (o.kind === 'rebuilt-same') {
    const before = rowOf(worldAt(stepper, stepper.lastStep - 1), o.projection, o.row);
    const after = rowOf(end, o.projection, o.row);
    if (after === null)
      return { pass: false, feedback: `Rebuilt from the store, the ${o.projection} row ${o.row} is missing.` };
    const change = rowChange(before, after);
    return change === ''
      ? { pass: true, feedback: `Rebuilt from the store, the ${o.projection} row ends the same: ${rowWords(after)}.` }
      : { pass: false, feedback: `Rebuilt from the store, the ${o.projection} row differs: ${change}.` };
  }
  const before = rowOf(worldAt(stepper, o.before), o.projection, o.row);
  const after = rowOf(worldAt(stepper, o.after), o.projection, o.row);
  const change = after ? rowChange(before, after) : '';
  return {
    pass: change !== '',
    feedback:
      change !== ''
        ? `${o.who} was told: after ${o.what} the ${o.projection} row shows ${change}.`
        : after === null
          ? `${o.who} was not told: the design has no ${o.projection} row ${o.row} to show ${o.what}.`
          : `${o.who} was not told: after ${o.what} the ${o.projection} row still shows ${rowWords(after)}.`,
  };
}

/** Why an outcome never happened, as far as the run can tell. */
const neverWhy = (d: Departure | null) =>
  d ? `: ${d.words}` : ' (an earlier step went wrong; open the run to see where)';

/**
 * Plays the run on `design` and grades it. With the `reference` design it was built from, an outcome that never
 * happened is traced to the first step the design decides otherwise, where the run then opens.
 */
export function runCheck(design: ScenarioDef, spec: RunSpec, reference?: ScenarioDef): RunResult {
  const inputs = [...spec.faults];
  const played = spec.insert ? withInserted(design, spec.insert) : undefined;
  const base = { id: spec.id, title: spec.title, inputs, study: spec.study, ...(played && { played }) };
  let stepper: Stepper;
  try {
    stepper = new Stepper(played ?? design, inputs);
    stepper.at(stepper.lastStep);
  } catch (e) {
    return { ...base, pass: false, openAt: 0, feedback: `The run could not be played: ${(e as Error).message}` };
  }
  let departure: Departure | null | undefined;
  const departed = () =>
    (departure ??= reference
      ? departureFrom(stepper, new Stepper(spec.insert ? withInserted(reference, spec.insert) : reference, inputs))
      : null);
  const verdicts = [spec.outcome, ...(spec.also ?? [])].map((o) => judge(stepper, o, departed));
  const o = spec.outcome;
  // Where the run goes wrong: the step its design first decides otherwise (found when an outcome never
  // happened), the first fault's effect, the first added step, or the step a user looks.
  const openAt = departure
    ? departure.step
    : o.kind === 'told'
      ? o.after
      : inputs[0]
        ? inputs[0].atStep + 1
        : spec.insert
          ? spec.insert.after + 2
          : stepper.lastStep;
  return {
    ...base,
    pass: verdicts.every((v) => v.pass),
    openAt,
    feedback: verdicts.map((v) => v.feedback).join(' '),
  };
}
