/**
 * A small ride-sharing domain for the CQRS tests (the article's practice question): a rider
 * requests a ride, one driver accepts it, the ride completes. RideAccepted has two schema versions
 * (v1 `{ driverId }`, v2 `{ driver: { id } }`) to exercise upcasters.
 */
import type { RecordedEvent } from '../types';
import { reject, type AggregateDefinition, type Command } from './aggregate';
import type { Projection } from './projection';
import type { Upcaster } from './upcasters';

export type RideStatus = 'none' | 'requested' | 'accepted' | 'completed' | 'cancelled';
export interface RideState {
  status: RideStatus;
  rider: string | null;
  driver: string | null;
  fare: number;
  changes: number;
}

export type RideCommand =
  | Command<'RequestRide', { rider: string; fare: number }>
  | Command<'AcceptRide', { driver: string }>
  | Command<'CompleteRide', Record<string, never>>
  | Command<'CancelRide', { reason: string }>
  | Command<'AddTip', { amount: number }>;

export const rideAggregate: AggregateDefinition<RideState, RideCommand> = {
  name: 'Ride',
  version: 1,
  initialState: { status: 'none', rider: null, driver: null, fare: 0, changes: 0 },
  decide(command, state) {
    switch (command.commandType) {
      case 'RequestRide':
        if (state.status !== 'none') return reject(`ride ${command.streamId} was already requested`);
        return [{ eventType: 'RideRequested', data: { rider: command.data.rider, fare: command.data.fare } }];
      case 'AcceptRide':
        if (state.status === 'none') return reject(`ride ${command.streamId} was never requested`);
        if (state.status !== 'requested')
          return reject(
            `ride ${command.streamId} is ${state.status}${state.driver ? ` by ${state.driver}` : ''}; it cannot be accepted by ${command.data.driver}`,
          );
        return [{ eventType: 'RideAccepted', schemaVersion: 2, data: { driver: { id: command.data.driver } } }];
      case 'CompleteRide':
        if (state.status !== 'accepted')
          return reject(`ride ${command.streamId} is ${state.status}; only an accepted ride completes`);
        return [{ eventType: 'RideCompleted', data: {} }];
      case 'CancelRide':
        if (state.status === 'completed' || state.status === 'cancelled' || state.status === 'none')
          return reject(`ride ${command.streamId} is ${state.status}; it cannot be cancelled`);
        return [{ eventType: 'RideCancelled', data: { reason: command.data.reason } }];
      case 'AddTip':
        if (state.status !== 'completed') return reject('tips come after the ride');
        if (command.data.amount <= 0) return [];
        return [{ eventType: 'TipAdded', data: { amount: command.data.amount } }];
    }
  },
  evolve(state, event) {
    const changes = state.changes + 1;
    switch (event.eventType) {
      case 'RideRequested': {
        const d = event.data as { rider: string; fare: number };
        return { ...state, status: 'requested', rider: d.rider, fare: d.fare, changes };
      }
      case 'RideAccepted':
        return { ...state, status: 'accepted', driver: (event.data as { driver: { id: string } }).driver.id, changes };
      case 'RideCompleted':
        return { ...state, status: 'completed', changes };
      case 'RideCancelled':
        return { ...state, status: 'cancelled', changes };
      case 'TipAdded':
        return { ...state, fare: state.fare + (event.data as { amount: number }).amount, changes };
      default:
        return state;
    }
  },
};

/** RideAccepted v1 `{ driverId }` → v2 `{ driver: { id } }`. */
export const rideAcceptedV1toV2: Upcaster = {
  eventType: 'RideAccepted',
  fromVersion: 1,
  upcast: (data) => ({ driver: { id: (data as { driverId: string }).driverId } }),
};
/** RideAccepted v2 → v3 adds `acceptedVia` (defaults to 'app'). */
export const rideAcceptedV2toV3: Upcaster = {
  eventType: 'RideAccepted',
  fromVersion: 2,
  upcast: (data) => ({ ...(data as object), acceptedVia: 'app' }),
};

/** Rides per status. */
export const ridesByStatus: Projection<Record<string, string>> = {
  name: 'rides-by-status',
  initialState: {},
  canHandle: (e) => ['RideRequested', 'RideAccepted', 'RideCompleted', 'RideCancelled'].includes(e.eventType),
  evolve: (state, e) => ({
    ...state,
    [e.streamId]: {
      RideRequested: 'requested',
      RideAccepted: 'accepted',
      RideCompleted: 'completed',
      RideCancelled: 'cancelled',
    }[e.eventType]!,
  }),
  rowKey: (e) => e.streamId,
};

/** Rides accepted per driver (reads the v2 shape: needs the upcaster for v1 events). */
export const driverTally: Projection<Record<string, number>> = {
  name: 'driver-tally',
  initialState: {},
  canHandle: (e) => e.eventType === 'RideAccepted',
  evolve: (state, e) => {
    const id = (e.data as { driver: { id: string } }).driver.id;
    return { ...state, [id]: (state[id] ?? 0) + 1 };
  },
  rowKey: (e) => (e.data as { driver: { id: string } }).driver.id,
};

/** Total fares of completed rides, and how many events it saw. */
export const revenue: Projection<{ requested: number; fares: Record<string, number>; total: number }> = {
  name: 'revenue',
  initialState: { requested: 0, fares: {}, total: 0 },
  canHandle: (e) => e.eventType === 'RideRequested' || e.eventType === 'RideCompleted' || e.eventType === 'TipAdded',
  evolve: (s, e: RecordedEvent) => {
    if (e.eventType === 'RideRequested')
      return {
        ...s,
        requested: s.requested + 1,
        fares: { ...s.fares, [e.streamId]: (e.data as { fare: number }).fare },
      };
    if (e.eventType === 'TipAdded') return { ...s, total: s.total + (e.data as { amount: number }).amount };
    return { ...s, total: s.total + (s.fares[e.streamId] ?? 0) };
  },
  rowKey: () => 'total',
};

let counter = 0;
export const cmd = <C extends RideCommand>(
  commandType: C['commandType'],
  streamId: string,
  data: C['data'],
  commandId?: string,
): RideCommand => ({ commandId: commandId ?? `cmd-${++counter}`, commandType, streamId, data }) as RideCommand;
