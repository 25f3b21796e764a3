/** Test support: the ride-payment saga of the built-in "sagas" scenario, as an engine definition. */
import type { SagaDefinition } from './definition';

export const ridePayment: SagaDefinition = {
  id: 'ride-payment',
  initial: 'holding-payout',
  states: {
    'holding-payout': { entry: [{ command: 'HoldDriverPayout', to: 'payouts' }], on: { PayoutHeld: 'charging' } },
    charging: {
      entry: [{ command: 'ChargeCard', to: 'payments' }],
      on: { CardCharged: 'paying-driver', CardDeclined: 'compensating' },
      after: { ms: 30_000, target: 'charging-again' },
    },
    'charging-again': {
      entry: [{ command: 'ChargeCard', to: 'payments' }],
      on: { CardCharged: 'paying-driver', CardDeclined: 'compensating' },
      after: { ms: 30_000, target: 'compensating' },
    },
    compensating: {
      entry: [
        { command: 'ReleasePayoutHold', to: 'payouts' },
        { command: 'NotifyRider', to: 'notifications' },
      ],
      on: { PayoutHoldReleased: 'compensated' },
    },
    compensated: { type: 'final', outcome: 'compensated', entry: [{ command: 'ScheduleChargeRetry', to: 'billing' }] },
    'paying-driver': { entry: [{ command: 'ReleasePayout', to: 'payouts' }], on: { PayoutReleased: 'completed' } },
    completed: { type: 'final', outcome: 'completed' },
  },
};

/** Every reply any state of it waits for. */
export const replies = ['PayoutHeld', 'CardCharged', 'CardDeclined', 'PayoutHoldReleased', 'PayoutReleased'] as const;
