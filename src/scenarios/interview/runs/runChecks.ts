/**
 * Run-based checks: the learner's design replayed by the real stepper with a fault of the failure lab
 * injected (or its own script, for a race or a declined card), graded by what the world holds at the
 * end. A failing check keeps its inputs, so the run can be opened as a branch and stepped through.
 */
import type { ScenarioDef } from '../../schema';
import { Stepper } from '../../stepper';
import type { RunResult, RunSpec } from '../types';
import { factsAbout, rowChange, rowOf, rowWords } from './outcomes';

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export function runCheck(design: ScenarioDef, spec: RunSpec): RunResult {
  const inputs = [...spec.faults];
  const base = { id: spec.id, title: spec.title, inputs, study: spec.study };
  let stepper: Stepper;
  try {
    stepper = new Stepper(design, inputs);
    stepper.at(stepper.lastStep);
  } catch (e) {
    return { ...base, pass: false, openAt: 0, feedback: `The run could not be played: ${(e as Error).message}` };
  }
  const o = spec.outcome;
  if (o.kind === 'exactly-once') {
    const n = factsAbout(stepper.at(stepper.lastStep).world, o.eventType, o.idField, o.entityId).length;
    const openAt = inputs[0] ? inputs[0].atStep + 1 : stepper.lastStep;
    return {
      ...base,
      pass: n === 1,
      openAt,
      feedback:
        n === 1
          ? `${o.what} once: one ${o.eventType} for ${o.idField} ${o.entityId}.`
          : n === 0
            ? `${o.what} never: no ${o.eventType} for ${o.idField} ${o.entityId} by the end of the run (an earlier step went wrong; open the run to see where).`
            : `${o.what} ${times(n)}: ${n} ${o.eventType} for ${o.idField} ${o.entityId} by the end of the run.`,
    };
  }
  const before = rowOf(stepper.at(o.before).world, o.projection, o.row);
  const after = rowOf(stepper.at(o.after).world, o.projection, o.row);
  const change = after ? rowChange(before, after) : '';
  return {
    ...base,
    pass: change !== '',
    openAt: o.after,
    feedback:
      change !== ''
        ? `${o.who} was told: after ${o.what} the ${o.projection} row shows ${change}.`
        : after === null
          ? `${o.who} was not told: the design has no ${o.projection} row ${o.row} to show ${o.what}.`
          : `${o.who} was not told: after ${o.what} the ${o.projection} row still shows ${rowWords(after)}.`,
  };
}
