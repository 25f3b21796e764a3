/** Every rubric point of a design, in the scorecard's order; points the prompt has no key for are left out. */
import type { ScenarioDef } from '../../schema';
import type { GradingKey, RubricResult } from '../types';
import { consumersPoint } from './consumers';
import { keysPoint } from './keys';
import { namingPoint } from './naming';
import { outboxPoint } from './outbox';
import { paymentPoint } from './payment';
import { racePoint } from './race';
import { readModelsPoint } from './readModels';

export function rubricOf(s: ScenarioDef, key: GradingKey): RubricResult[] {
  return [
    namingPoint(s),
    keysPoint(s),
    consumersPoint(s),
    ...(key.race ? [racePoint(s, key.race)] : []),
    ...(key.payment ? [paymentPoint(s, key.payment)] : []),
    ...(key.screens.length > 0 ? [readModelsPoint(s, key.screens)] : []),
    outboxPoint(s),
  ];
}
