import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parse';
import type { ScenarioDef, StepDef } from '../schema';
import { Stepper } from '../stepper';

const scenario = (steps: StepDef[]) => ({
  schemaVersion: 1,
  id: 'txn-test',
  title: 'Transactions test',
  summary: 'Kafka transactions in the stepper.',
  level: 'advanced',
  concepts: ['transactions'],
  seed: 1,
  startTime: 1_000_000,
  stepMs: 1000,
  intro: { title: 'Intro', narration: 'A transactional producer.' },
  topology: {
    topics: [
      { name: 'payments', partitions: 1 },
      { name: 'receipts', partitions: 1 },
    ],
    producers: [
      { id: 'app-1', label: 'Payment app', transactionalId: 'pay-eos' },
      { id: 'app-2', label: 'Payment app (new instance)', transactionalId: 'pay-eos' },
    ],
    groups: [
      { id: 'payers', topics: ['payments'], members: ['p'], autoOffsetReset: 'earliest' },
      { id: 'dirty', topics: ['receipts'], members: ['d'], autoOffsetReset: 'earliest' },
      {
        id: 'clean',
        topics: ['receipts'],
        members: ['c'],
        autoOffsetReset: 'earliest',
        isolationLevel: 'read_committed',
      },
    ],
  },
  steps,
  takeaways: ['Transactions.'],
});

const step = (action: StepDef['action']): StepDef => ({ title: action.kind, narration: 'n', action });
const parsed = (doc: unknown): ScenarioDef => {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
};
const send = (producer: string, receipt: string): StepDef =>
  step({
    kind: 'publish',
    producer,
    topic: 'receipts',
    transactional: true,
    event: { eventType: 'ReceiptIssued', streamId: receipt, key: receipt, data: { receipt } },
  });
/** The scenario with these steps, parsed and ready to step through (no faults). */
const play = (steps: StepDef[]) => new Stepper(parsed(scenario(steps)), []);
/** app-1 opens a transaction: initTransactions then beginTransaction. */
const begun = (init: { transactionTimeoutMs?: number } = {}): StepDef[] => [
  step({ kind: 'init-transactions', producer: 'app-1', ...init }),
  step({ kind: 'begin-transaction', producer: 'app-1' }),
];
const fetched = (s: Stepper, k: number, member: string) =>
  s.at(k).effects.flatMap((e) => (e.kind === 'records-fetched' && e.memberId === member ? e.offsets : []));

describe('Kafka transactions in a scenario', () => {
  it('commit: the record and the offsets land together; read_committed sees the record only after the marker', () => {
    const s = play([
      ...begun(),
      send('app-1', 'r-1'),
      step({
        kind: 'send-offsets-to-transaction',
        producer: 'app-1',
        group: 'payers',
        offsets: [{ topic: 'payments', partition: 0, offset: 1 }],
      }),
      step({ kind: 'poll', group: 'clean', member: 'c' }),
      step({ kind: 'commit-transaction', producer: 'app-1' }),
      step({ kind: 'poll', group: 'clean', member: 'c' }),
    ]);
    expect(s.at(1).effects.map((e) => e.kind)).toContain('txn-initialized');
    expect(fetched(s, 5, 'c')).toEqual([]);
    expect(s.at(4).world.broker.groups['payers']?.committed ?? {}).toEqual({});
    const commit = s.at(6);
    expect(commit.effects.map((e) => e.kind)).toEqual(expect.arrayContaining(['txn-marker-written', 'txn-committed']));
    expect(commit.effects.find((e) => e.kind === 'offset-committed')).toMatchObject({
      groupId: 'payers',
      topic: 'payments',
      offset: 1,
    });
    expect(fetched(s, 7, 'c')).toEqual([0]);
  });

  it('abort: read_uncommitted reads the aborted record, read_committed skips it and the marker', () => {
    const s = play([
      ...begun(),
      send('app-1', 'r-1'),
      step({ kind: 'abort-transaction', producer: 'app-1' }),
      step({ kind: 'poll', group: 'dirty', member: 'd' }),
      step({ kind: 'poll', group: 'clean', member: 'c' }),
    ]);
    expect(s.at(4).effects.find((e) => e.kind === 'txn-marker-written')).toMatchObject({ offset: 1, marker: 'ABORT' });
    expect(fetched(s, 5, 'd')).toEqual([0]);
    expect(fetched(s, 6, 'c')).toEqual([]);
  });

  it('a new instance’s initTransactions aborts the open transaction and fences the old one', () => {
    const s = play([
      ...begun(),
      send('app-1', 'r-1'),
      step({ kind: 'init-transactions', producer: 'app-2' }),
      send('app-1', 'r-2'),
      step({ kind: 'commit-transaction', producer: 'app-1' }),
    ]);
    expect(s.at(4).effects.find((e) => e.kind === 'txn-aborted')).toMatchObject({ cause: 'fenced' });
    expect(s.at(5).effects.find((e) => e.kind === 'txn-fenced')).toMatchObject({ error: 'INVALID_PRODUCER_EPOCH' });
    // Fatal for the zombie: its client refuses anything but close.
    expect(s.at(6).effects.find((e) => e.kind === 'txn-rejected')).toMatchObject({ request: 'commitTransaction' });
  });

  it('the coordinator’s timer aborts a transaction left open past transaction.timeout.ms', () => {
    const s = play([
      ...begun({ transactionTimeoutMs: 5000 }),
      send('app-1', 'r-1'),
      step({ kind: 'advance-time', ms: 6000 }),
    ]);
    expect(s.at(4).effects.find((e) => e.kind === 'txn-aborted')).toMatchObject({ cause: 'timeout' });
  });
});
