/** Test support for the fault tests: a built-in run with learner inputs, and its effects by step. */
import type { Effect, LearnerInput } from '../../engine/types';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';

export function runOf(id: string, inputs: LearnerInput[]) {
  const scenario = findBuiltin(id)!;
  const stepper = new Stepper(scenario, inputs);
  return {
    scenario,
    stepper,
    at: (k: number) => stepper.at(k),
    effects: (k: number): Effect[] => stepper.at(k).effects,
  };
}

export const ofKind = <K extends Effect['kind']>(effects: readonly Effect[], kind: K) =>
  effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);

/** "topic:partition@offset" of each record a member processed in a step. */
export const processedBy = (effects: readonly Effect[], memberId: string) =>
  ofKind(effects, 'record-processed')
    .filter((e) => e.memberId === memberId)
    .map((e) => `${e.topic}:${e.partition}@${e.offset}`);
