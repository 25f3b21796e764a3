import { describe, expect, it } from 'vitest';
import { rideSharing } from '../../scenarios/interview/prompts/rideSharing';
import { ownNameProblem } from './ownName';
import { clock, duration } from './stages';

describe('an own name for an event', () => {
  it('is used when it is one PascalCase word of its own', () => {
    expect(ownNameProblem(rideSharing, 'RideAccepted', 'DriverAssigned')).toBeNull();
    // A present-tense name is allowed here: the rubric grades it, the form does not refuse it.
    expect(ownNameProblem(rideSharing, 'RideAccepted', 'DriverAcceptsRide')).toBeNull();
  });

  it('is refused, with why, when empty, not PascalCase, or the name of another event', () => {
    expect(ownNameProblem(rideSharing, 'RideAccepted', '')).toBe('Type a name, or pick one of the names above.');
    expect(ownNameProblem(rideSharing, 'RideAccepted', 'driver accepts')).toMatch(/^Use one word in PascalCase/);
    expect(ownNameProblem(rideSharing, 'RideAccepted', 'TripStarted')).toBe(
      'TripStarted is already another event of this design; pick a name of its own.',
    );
  });
});

describe('the timer', () => {
  it('shows m:ss and never a negative time', () => {
    expect(clock(65_000)).toBe('1:05');
    expect(clock(20 * 60_000)).toBe('20:00');
    expect(clock(-5)).toBe('0:00');
    expect(duration(65_000)).toBe('1 min 5 s');
    expect(duration(30_000)).toBe('30 s');
  });
});
