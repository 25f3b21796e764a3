import { describe, expect, it } from 'vitest';
import { refSuggestions } from './draftNames';

describe('field-reference suggestions', () => {
  it('offer every declared event field (once) under data., event.data. and command., and the aggregates’ state fields, in a draft', () => {
    const draft = {
      topology: {
        eventTypes: [
          { name: 'RideRequested', fields: [{ name: 'rideId' }, { name: 'fare' }, { name: '' }, 7] },
          { name: 'RideAccepted', fields: [{ name: 'rideId' }, { name: 'driverId' }] },
          { fields: [{ name: 'unnamed' }] },
          null,
        ],
        aggregates: [{ type: 'Ride', fields: { fare: 0 } }],
      },
    };
    const refs = refSuggestions(draft);
    expect(refs.filter((r) => r.startsWith('data.'))).toEqual(['data.rideId', 'data.fare', 'data.driverId']);
    expect(refs).toContain('event.data.driverId');
    expect(refs).toContain('command.fare');
    expect(refs).toContain('state.fare');
    expect(refSuggestions(null)).toEqual(['command.id', 'state.status', 'event.streamId', 'event.eventType']);
  });
});
