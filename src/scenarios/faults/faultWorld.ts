/** Reading and changing the fault state kept in a world. */
import type { World } from '../world';
import { NO_FAULTS, type FaultState } from './faultState';

export const faultsOf = (world: World): FaultState => world.faults ?? NO_FAULTS;

/** The world with its faults changed by `change`. */
export const withFaults = (world: World, change: (f: FaultState) => Partial<FaultState>): World => {
  const f = faultsOf(world);
  return { ...world, faults: { ...f, ...change(f) } };
};
