import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../engine/types';
import { indexEvents, layoutCausalChain, NODE_H } from './causalChain';

const ev = (position: number, id: string, eventType: string, meta: RecordedEvent['metadata']): RecordedEvent => ({
  eventId: id,
  eventType,
  data: {},
  metadata: meta,
  streamId: `s-${id}`,
  revision: 0,
  position,
  recordedAt: 0,
});

// cmd-1 → requested → offered → (notified, priced); accepted shares the correlation id only.
const events = [
  ev(1, 'requested', 'RideRequested', {
    correlationId: 'cmd-1',
    causationId: 'cmd-1',
    commandId: 'cmd-1',
    commandType: 'RequestRide',
    producer: 'rider app',
  }),
  ev(2, 'offered', 'RideOffered', { correlationId: 'cmd-1', causationId: 'requested' }),
  ev(3, 'notified', 'RiderNotified', { correlationId: 'cmd-1', causationId: 'offered' }),
  ev(4, 'priced', 'FareQuoted', { correlationId: 'cmd-1', causationId: 'offered' }),
  ev(5, 'accepted', 'RideAccepted', { correlationId: 'cmd-1', causationId: 'cmd-9' }),
  ev(6, 'other', 'DriverMoved', { correlationId: 'other' }),
];
const index = indexEvents(events);

describe('layoutCausalChain', () => {
  it('draws the command, the parents, the event and its children, top to bottom', () => {
    const m = layoutCausalChain(index, 'offered')!;
    expect(m.nodes.map((n) => [n.role, n.label, n.eventId])).toEqual([
      ['origin', 'command RequestRide', null],
      ['ancestor', 'RideRequested', 'requested'],
      ['selected', 'RideOffered', 'offered'],
      ['child', 'RiderNotified', 'notified'],
      ['child', 'FareQuoted', 'priced'],
    ]);
    expect(m.parents).toBe(1);
    expect(m.children).toBe(2);
    // Column nodes go down; children share a row below and do not overlap.
    const [o, a, s, c1, c2] = m.nodes;
    expect(a!.y).toBeGreaterThan(o!.y + NODE_H);
    expect(s!.y).toBeGreaterThan(a!.y + NODE_H);
    expect(c1!.y).toBe(c2!.y);
    expect(c2!.x).toBeGreaterThanOrEqual(c1!.x + c1!.width);
    expect(m.edges).toHaveLength(4);
    expect(m.edges.every((e) => e.d.startsWith('M'))).toBe(true);
    expect(m.height).toBeGreaterThanOrEqual(c1!.y + NODE_H);
    expect(m.siblings.map((e) => e.eventId)).toEqual(['accepted']);
  });

  it('names a cause that is not in the store as an outside cause, and a leaf has no children', () => {
    const m = layoutCausalChain(index, 'accepted')!;
    expect(m.nodes.map((n) => [n.role, n.label])).toEqual([
      ['origin', 'outside cause'],
      ['selected', 'RideAccepted'],
    ]);
    expect(m.siblings.map((e) => e.eventId)).toEqual(['requested', 'offered', 'notified', 'priced']);
  });

  it('draws a lone event without a cause on its own, and returns null for an unknown id', () => {
    const m = layoutCausalChain(index, 'other')!;
    expect(m.nodes.map((n) => n.role)).toEqual(['selected']);
    expect(m.edges).toEqual([]);
    expect(m.siblings).toEqual([]);
    expect(layoutCausalChain(index, 'nope')).toBeNull();
  });

  it('stops on a causation cycle instead of looping', () => {
    const loop = indexEvents([ev(1, 'a', 'A', { causationId: 'b' }), ev(2, 'b', 'B', { causationId: 'a' })]);
    const m = layoutCausalChain(loop, 'a')!;
    expect(m.nodes.map((n) => n.eventId)).toEqual(['b', 'a']);
  });
});
