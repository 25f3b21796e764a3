import { describe, expect, it } from 'vitest';
import type { BrokerState, LogRecord } from '../../engine/broker';
import type { RecordedEvent } from '../../engine/types';
import { findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { eventLogRows, nextEventLogRows, type EventLogRows, type LogTopics } from './eventLogRows';

// Scenarios whose logs grow in every way: direct publishes, the relay and outboxes, transactions and
// their markers, retention deleting records, compaction, and the right to be forgotten.
const scenarios = [
  'pubsub-basics',
  'cqrs-orders',
  'inbox-outbox',
  'exactly-once',
  'offsets-lag-retention-replay',
  'right-to-be-forgotten',
  'event-sourcing',
];

describe('nextEventLogRows', () => {
  it.each(scenarios)('%s: stepping forward through the run gives the rows built from scratch', (id) => {
    const scenario = findBuiltin(id)!;
    const stepper = new Stepper(scenario, []);
    let prev: EventLogRows | null = null;
    for (let k = 0; k <= stepper.lastStep; k++) {
      const { world } = stepper.at(k);
      const next = nextEventLogRows(prev, world.log.events, world.broker.topics);
      expect(next.rows, `step ${k}`).toEqual(eventLogRows(world.log.events, world.broker.topics).rows);
      prev = next;
    }
  });

  it.each(scenarios)('%s: a step back or a jump gives the rows built from scratch', (id) => {
    const scenario = findBuiltin(id)!;
    const stepper = new Stepper(scenario, []);
    const last = stepper.lastStep;
    let prev: EventLogRows | null = null;
    for (const k of [last, Math.floor(last / 2), 0, last, 1]) {
      const { world } = stepper.at(k);
      prev = nextEventLogRows(prev, world.log.events, world.broker.topics);
      expect(prev.rows, `step ${k}`).toEqual(eventLogRows(world.log.events, world.broker.topics).rows);
    }
  });
});

const record = (topic: string, partition: number, offset: number, timestamp: number, eventId: string | null) =>
  ({
    topic,
    partition,
    offset,
    key: `k${offset}`,
    value: { eventType: 'Seen', data: { offset } },
    headers: {},
    timestamp,
    eventId,
    producerId: 'p',
  }) as LogRecord;

const stored = (eventId: string, position: number, recordedAt: number) =>
  ({
    eventId,
    eventType: 'Stored',
    streamId: 's',
    revision: position,
    position,
    recordedAt,
    data: {},
    metadata: {},
  }) as unknown as RecordedEvent;

const topicsOf = (...partitions: LogRecord[][]): LogTopics =>
  ({ t: { partitions: partitions.map((records) => ({ records })) } }) as unknown as BrokerState['topics'];

describe('nextEventLogRows on appends', () => {
  it('keeps every row of the step before and builds only the new ones', () => {
    const a = [record('t', 0, 0, 10, null), record('t', 0, 1, 20, null)];
    const first = nextEventLogRows(null, [], topicsOf(a));
    const later = nextEventLogRows(first, [], topicsOf([...a, record('t', 0, 2, 30, null)]));
    expect(later.rows).toHaveLength(3);
    expect(later.rows[0]).toBe(first.rows[0]);
    expect(later.rows[1]).toBe(first.rows[1]);
    expect(later.rows[2]).toMatchObject({ kind: 'record', key: 't-0@2' });
  });

  it('a step that appends nothing gives the same rows', () => {
    const a = [record('t', 0, 0, 10, null)];
    const first = nextEventLogRows(null, [], topicsOf(a));
    expect(nextEventLogRows(first, [], topicsOf(a)).rows).toBe(first.rows);
  });

  it('a record older than the last one listed, or a late copy of a stored event, gives the rows built from scratch', () => {
    const a = [record('t', 0, 0, 50, null)];
    const events = [stored('e1', 1, 40)];
    const first = nextEventLogRows(null, events, topicsOf(a));
    // Another partition's record with an earlier CreateTime goes before the one listed.
    const early = topicsOf(a, [record('t', 1, 0, 30, null)]);
    const withEarly = nextEventLogRows(first, events, early);
    expect(withEarly.rows).toEqual(eventLogRows(events, early).rows);
    expect(withEarly.rows.map((r) => r.key)).toEqual(['t-1@0', 'e1', 't-0@0']);
    // The relay publishes e1 later: its row now says where its copy is.
    const late = topicsOf([...a, record('t', 0, 1, 60, 'e1')], [record('t', 1, 0, 30, null)]);
    const withLate = nextEventLogRows(withEarly, events, late);
    expect(withLate.rows).toEqual(eventLogRows(events, late).rows);
    expect(withLate.rows.find((r) => r.key === 'e1')).toMatchObject({ at: { topic: 't', partition: 0, offset: 1 } });
  });

  it('rows handed on to the next step are never extended twice', () => {
    const a = [record('t', 0, 0, 10, null)];
    const first = nextEventLogRows(null, [], topicsOf(a));
    const b = topicsOf([...a, record('t', 0, 1, 20, null)]);
    nextEventLogRows(first, [], b);
    const c = topicsOf([...a, record('t', 0, 1, 25, 'x')]);
    expect(nextEventLogRows(first, [], c).rows).toEqual(eventLogRows([], c).rows);
  });
});
