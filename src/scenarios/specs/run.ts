/**
 * Runs a scenario's specs against its design as the proposed changes leave it (`design.ts`): each kind of
 * spec by its own runner, each result with the spec in words and the reason it passed or failed.
 */
import type { DesignChangeDef, ScenarioDef, SpecDef } from '../schema';
import { runContract } from './contract';
import { runDecider } from './decider';
import { designWith } from './design';
import { runIdempotency } from './idempotency';
import { runProjectionSpec } from './readModel';
import type { SpecResult } from './result';

export function runSpec(design: ScenarioDef, spec: SpecDef): SpecResult {
  switch (spec.kind) {
    case 'decider':
      return runDecider(design, spec);
    case 'projection':
      return runProjectionSpec(design, spec);
    case 'contract':
      return runContract(design, spec);
    case 'idempotency':
      return runIdempotency(design, spec);
  }
}

/** Every spec of the scenario, in its order, run against the design with these changes. */
export function runSpecs(s: ScenarioDef, changes: readonly DesignChangeDef[] = []): SpecResult[] {
  const design = designWith(s, changes);
  return (design.specs ?? []).map((spec) => runSpec(design, spec));
}
