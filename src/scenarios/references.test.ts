import { describe, expect, it } from 'vitest';
import { findBuiltin } from './content';
import { parseScenario } from './parse';

const issuesOf = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.issues;
};

describe('references between the parts of a scenario', () => {
  it('once event types are declared, every one used must be: an enqueued message and an expectation too', () => {
    const queue = structuredClone(findBuiltin('log-vs-queue')!);
    queue.topology.eventTypes = [{ name: 'OrderPlaced', schemaVersion: 1, fields: [] }];
    const cancelled = queue.steps.findIndex(
      (s) => s.action.kind === 'enqueue' && s.action.event.eventType !== 'OrderPlaced',
    );
    expect(issuesOf(queue)).toContainEqual({
      path: `steps[${cancelled}].action.event.eventType`,
      message: 'event type "OrderCancelled" is not declared in topology.eventTypes',
    });

    const ride = structuredClone(findBuiltin('ride-sharing')!);
    ride.steps[0]!.expect = [
      { kind: 'processed', group: ride.topology.groups[0]!.id, eventType: 'RideWished', count: 0 },
    ];
    expect(issuesOf(ride)).toEqual([
      {
        path: 'steps[0].expect[0].eventType',
        message: 'event type "RideWished" is not declared in topology.eventTypes',
      },
    ]);
  });

  it('a dead-letter topic need not be declared: it is created by its first failed record', () => {
    const d = structuredClone(findBuiltin('delivery-guarantees')!);
    const sv = d.topology.services!.find((x) => x.deadLetterTopic)!;
    sv.deadLetterTopic = 'payments.failed';
    expect(issuesOf(d)).toEqual([]);
  });

  it('a name used in a field of an event’s data is data, not a reference', () => {
    const p = structuredClone(findBuiltin('pubsub-basics')!);
    const step = p.steps.find((s) => s.action.kind === 'publish')!;
    if (step.action.kind === 'publish') step.action.event.data = { ...step.action.event.data, topic: 'nowhere' };
    expect(issuesOf(p)).toEqual([]);
  });
});
