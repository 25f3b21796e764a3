/** The ride-sharing prompt: its reference design (`ride-sharing.json`) and the words of its dispatch questions. */
import type { ScenarioDef } from '../../schema';
import type { InterviewPrompt } from '../prompt';
import { dispatchPrompt } from './dispatchPrompt';
import doc from './ride-sharing.json';

export const rideSharing: InterviewPrompt = dispatchPrompt({
  id: 'ride-sharing',
  // 2: a refusal answer is no longer undone by a what-if's repeat (patches.ts applies refusals last).
  version: 2,
  title: 'Ride-sharing',
  brief:
    'Design the events behind a ride-sharing app: a rider requests a ride, nearby drivers are offered it and one accepts, the trip is priced when it ends and the rider is charged.',
  reference: doc as unknown as ScenarioDef,
  entity: 'ride',
  role: 'driver',
  customer: 'rider',
  trip: 'trip',
  trips: 'trips',
  aggregate: 'Ride',
  accept: 'AcceptRide',
  accepted: 'RideAccepted',
  acceptedState: 'accepted',
  lastWins: 'overwrites',
  matching: 'matching',
  charge: 'ChargeFare',
  priced: 'FareCalculated',
  amount: 'fare',
  amountField: 'fare',
  screen: 'trip status',
  projection: 'trip-status',
  notified: 'RiderNotified',
  keptInOrder: 'each ride in order',
  brokersBecause:
    'Every fact about a ride is published once; matching, pricing, payments and notifications each read it, and a consumer whose deploy had a bug must read its events again, up to a week back.',
});
