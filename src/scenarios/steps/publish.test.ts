import { describe, expect, it } from 'vitest';
import * as broker from '../../engine/broker';
import { mustParseScenario } from '../parse';
import { Stepper } from '../stepper';

const publish = (key: string, email: string | null) => ({
  title: email ? `update ${key}` : `erase ${key}`,
  narration: '…',
  action: {
    kind: 'publish',
    producer: 'crm',
    topic: 'profiles',
    event: { eventType: email ? 'ProfileUpdated' : 'ProfileErased', streamId: key, key, data: email ? { email } : {} },
    ...(email ? {} : { tombstone: true }),
  },
});

const scenario = mustParseScenario({
  schemaVersion: 1,
  id: 'tombstone-test',
  title: 'Tombstones',
  summary: 'A null-valued record deletes its key on a compacted topic.',
  level: 'beginner',
  concepts: ['compaction'],
  seed: 1,
  startTime: 0,
  stepMs: 1000,
  intro: { title: 'x', narration: 'x' },
  topology: {
    topics: [{ name: 'profiles', partitions: 1, cleanupPolicy: 'compact', segmentRecords: 2, tombstoneRetentionMs: 10_000 }],
    producers: [{ id: 'crm', label: 'CRM' }],
    groups: [],
  },
  steps: [publish('cust-1', 'a@example.com'), publish('cust-1', null), { title: 'compact', narration: '…', action: { kind: 'compact', topic: 'profiles' } }],
  takeaways: ['x'],
});

describe('publish with tombstone: true', () => {
  it('appends a record with a null value, still stores the event, and compaction keeps it as the latest for its key', () => {
    const stepper = new Stepper(scenario, []);
    const afterErase = stepper.at(2).world;
    const records = broker.recordsOf(afterErase.broker, 'profiles', 0);
    expect(records.map((r) => [r.offset, r.key, r.value === null])).toEqual([
      [0, 'cust-1', false],
      [1, 'cust-1', true],
    ]);
    expect(afterErase.log.events.map((e) => e.eventType)).toEqual(['ProfileUpdated', 'ProfileErased']);
    const compacted = stepper.at(3).world;
    expect(broker.recordsOf(compacted.broker, 'profiles', 0).map((r) => [r.offset, r.value])).toEqual([[1, null]]);
  });
});
