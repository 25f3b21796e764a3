/** The comparison table's cells, checked against what the runs did. */
import { describe, expect, it } from 'vitest';
import { observe } from './observe';
import { allRuns } from './runs';
import { compare, type RowId } from './table';
import type { ProfileId, ProfileRun } from './types';

const table = compare(allRuns());
const cell = (row: RowId, p: ProfileId) => table.rows.find((r) => r.id === row)!.cells[p]!.text;
const obs = (p: ProfileId) => table.observations[p]!;

describe('the comparison table, computed from the runs', () => {
  it('Kafka: per-key order kept, replay yes, the poison retried 3 times then dead-lettered, holding back its partition', () => {
    expect(obs('kafka').outOfOrder).toEqual([]);
    expect(cell('order', 'kafka')).toMatch(/^Kept/);
    expect(obs('kafka').replayed).toBe(obs('kafka').replayable);
    expect(cell('replay', 'kafka')).toMatch(/^Yes: audit got 14 of the 14/);
    expect(obs('kafka').poison).toMatchObject({ attempts: 3, heldBack: ['OrderShipped o-4'] });
    expect(obs('kafka').poison.gaveUp!.deadLetter).toBe('orders.DLT');
    expect(cell('poison', 'kafka')).toBe(
      'Billing got it 3 times, then it went to orders.DLT; OrderShipped o-4 waited behind it until then.',
    );
  });

  it('SQS standard with its quirks on: no replay, duplicates, and per-key order not kept', () => {
    expect(obs('sqs').replayed).toBe(0);
    expect(cell('replay', 'sqs')).toMatch(/^No: audit got 0 of the 14/);
    expect(obs('sqs').duplicates.length).toBeGreaterThan(0);
    expect(obs('sqs').outOfOrder.length).toBeGreaterThan(0);
    expect(cell('order', 'sqs')).toMatch(/^Not kept: /);
    expect(obs('sqs').poison.gaveUp!.deadLetter).toBe('billing-dlq');
  });

  it('SQS FIFO: per-key order kept; the failing message holds back its group, and what was received with it is redriven too', () => {
    expect(obs('sqs-fifo').outOfOrder).toEqual([]);
    expect(obs('sqs-fifo').poison.attempts).toBe(3);
    expect(obs('sqs-fifo').poison.gaveUp!.deadLetter).toBe('billing-dlq.fifo');
    expect(obs('sqs-fifo').poison.setAsideToo.map((g) => g.eventId)).toEqual(['e14']);
    expect(cell('poison', 'sqs-fifo')).toBe(
      'Billing got it 3 times, then it went to billing-dlq.fifo; OrderShipped o-4 waited behind it and went to billing-dlq.fifo too, never handled by billing.',
    );
    expect(cell('replay', 'sqs-fifo')).toMatch(/^No: audit got 0/);
  });

  it('RabbitMQ: the poison goes through the dead-letter exchange after its delivery limit and blocks nothing; the stream replays', () => {
    expect(obs('rabbitmq').poison).toMatchObject({ attempts: 3, heldBack: [] });
    expect(obs('rabbitmq').poison.gaveUp!.deadLetter).toBe('orders.dlx → billing.dead-letters');
    expect(cell('replay', 'rabbitmq')).toMatch(/^Yes/);
    expect(cell('fanOut', 'rabbitmq')).toMatch(/topic exchange 'orders'/);
  });

  it('NATS: max_deliver ends the retries with no dead-letter queue', () => {
    expect(obs('nats').poison.attempts).toBe(3);
    expect(obs('nats').poison.gaveUp!.deadLetter).toBeNull();
    expect(cell('poison', 'nats')).toMatch(/no dead-letter queue/);
    expect(cell('replay', 'nats')).toMatch(/^Yes/);
  });

  it('Pub/Sub: 5 delivery attempts before the dead-letter topic; ordering keys redeliver the later message of the key', () => {
    expect(obs('pubsub').poison.attempts).toBe(5);
    expect(obs('pubsub').poison.gaveUp!.deadLetter).toBe('orders-dead-letter');
    expect(
      obs('pubsub')
        .duplicates.filter((d) => d.beat === 'poison')
        .map((d) => d.label),
    ).toEqual(['OrderShipped o-4', 'OrderShipped o-4']);
    expect(obs('pubsub').outOfOrder).toEqual([]);
  });

  it('EventBridge: retries then the target’s DLQ, nothing held back; the archive replays, in no guaranteed order', () => {
    expect(obs('eventbridge').poison).toMatchObject({ attempts: 3, heldBack: [] });
    expect(obs('eventbridge').poison.gaveUp!.deadLetter).toBe('billing-dlq');
    expect(cell('replay', 'eventbridge')).toMatch(
      /^Yes: audit got 14 of the 14 earlier events, through a new rule 'audit'/,
    );
    expect(obs('eventbridge').outOfOrder.every((o) => o.beat === 'replay' && o.service === 'audit')).toBe(true);
    expect(obs('eventbridge').outOfOrder.length).toBeGreaterThan(0);
  });

  it('counts the duplicates the cell states, per profile', () => {
    for (const p of table.profiles) {
      const n = obs(p.id).duplicates.length;
      expect(cell('duplicates', p.id)).toEqual(
        n === 0 ? 'None in this run.' : expect.stringMatching(new RegExp(`^${n} `)),
      );
    }
  });

  it('marks only the operations row as hand-written, each cell with its source', () => {
    expect(table.rows.filter((r) => r.handWritten).map((r) => r.id)).toEqual(['operations']);
    for (const p of table.profiles) expect(table.rows.at(-1)!.cells[p.id]!.source).toMatch(/https:\/\/|README/);
  });
});

describe('observe, on runs made by hand', () => {
  const run = (deliveries: [string, string, 'processed' | 'failed' | 'crashed'][]): ProfileRun => ({
    profile: 'kafka',
    name: 'test',
    version: 'test',
    facts: { fanOut: '', retention: '', replayHow: '' },
    steps: [
      {
        beat: 'orders',
        effects: [],
        gaveUp: [],
        deliveries: deliveries.map(([service, eventId, outcome]) => ({
          service,
          eventId,
          label: eventId,
          outcome,
          detail: '',
        })),
      },
    ],
  });

  it('finds an event that arrives after a later event of the same order (e1 OrderPlaced o-1, e3 OrderPaid o-1)', () => {
    const o = observe(
      run([
        ['billing', 'e3', 'processed'],
        ['billing', 'e1', 'processed'],
        ['billing', 'e2', 'processed'],
      ]),
    );
    expect(o.outOfOrder).toEqual([{ service: 'billing', beat: 'orders', late: 'e1', after: 'OrderPaid o-1' }]);
  });

  it('counts a redelivery of a handled event as a duplicate, not a retry of a failed one', () => {
    const o = observe(
      run([
        ['billing', 'e1', 'failed'],
        ['billing', 'e1', 'processed'],
        ['shipping', 'e1', 'crashed'],
        ['shipping', 'e1', 'processed'],
      ]),
    );
    expect(o.duplicates).toEqual([{ service: 'shipping', beat: 'orders', label: 'e1' }]);
  });
});
