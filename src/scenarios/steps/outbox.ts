/**
 * Outbox tables: a service's transaction inserts rows and commits, and the outbox's publisher (a poller
 * or a log tailer, `engine/cqrs/outboxTable.ts`) sends what it finds to the outbox's topic. A row is sent
 * with the event id `outbox-<table>-<row id>`, so a resend carries the same id and an inbox (an
 * idempotent consumer group) recognises it.
 */
import * as broker from '../../engine/broker';
import { commitTxn, deletePublished, EMPTY_OUTBOX, insertRow, publishOnce } from '../../engine/cqrs/outboxTable';
import type { Effect } from '../../engine/types';
import type { ActionDef, ScenarioDef } from '../schema';
import type { World } from '../world';

type OutboxState = NonNullable<World['outboxes']>[string];

type OutboxAction = Extract<
  ActionDef,
  { kind: 'outbox-write' | 'outbox-commit' | 'outbox-publish' | 'outbox-cleanup' }
>;

type Step = Extract<Effect, { kind: 'outbox-changed' }>['step'];
const note = (outbox: string, step: Step, reason: string): Effect => ({ kind: 'outbox-changed', outbox, step, reason });

export function outboxStep(
  world: World,
  scenario: ScenarioDef,
  action: OutboxAction,
): { world: World; effects: Effect[] } {
  const spec = scenario.topology.outboxes?.find((o) => o.id === action.outbox);
  if (!spec)
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: action.kind,
          target: action.outbox,
          error: 'no such outbox',
          reason: `there is no outbox table "${action.outbox}" in this scenario's topology`,
        },
      ],
    };
  const state: OutboxState = world.outboxes?.[spec.id] ?? {
    table: EMPTY_OUTBOX,
    publisher: { kind: spec.publisher, position: 0 },
  };
  const put = (next: OutboxState, b = world.broker): World => ({
    ...world,
    broker: b,
    outboxes: { ...world.outboxes, [spec.id]: next },
  });
  const name = spec.label ?? spec.id;
  switch (action.kind) {
    case 'outbox-write': {
      const r = insertRow(state.table, action.txn, action.event);
      return {
        world: put({ ...state, table: r.table }),
        effects: [
          note(
            spec.id,
            'insert',
            `${name}: transaction ${action.txn} inserted outbox row ${r.row.id} (${action.event.eventType}); the id is taken now, and nobody sees the row until ${action.txn} commits`,
          ),
        ],
      };
    }
    case 'outbox-commit': {
      const r = commitTxn(state.table, action.txn, action.deleteRows ?? false);
      return {
        world: put({ ...state, table: r.table }),
        effects: [
          note(
            spec.id,
            'commit',
            r.ids.length === 0
              ? `${name}: transaction ${action.txn} committed with no outbox row`
              : action.deleteRows
                ? `${name}: transaction ${action.txn} committed row ${r.ids.join(', ')} and deleted it in the same transaction: the table keeps nothing, the transaction log keeps the insert (at position ${r.table.log.length - r.ids.length})`
                : `${name}: transaction ${action.txn} committed row ${r.ids.join(', ')}: visible now, and in the transaction log at position ${r.table.log.length - r.ids.length}`,
          ),
        ],
      };
    }
    case 'outbox-cleanup': {
      const r = deletePublished(state.table);
      return {
        world: put({ ...state, table: r.table }),
        effects: [
          note(
            spec.id,
            'cleanup',
            `${name}: deleted ${r.ids.length} published row(s)${r.ids.length ? ` (${r.ids.join(', ')})` : ''}`,
          ),
        ],
      };
    }
    case 'outbox-publish': {
      const r = publishOnce(state.table, state.publisher, action.crashBeforeMark ?? false);
      let b = world.broker;
      const effects: Effect[] = r.notes.map((n) => note(spec.id, n.step, `${name}: ${n.reason}`));
      for (const row of r.rows) {
        const sent = broker.produce(
          b,
          {
            topic: spec.topic,
            key: row.key,
            value: { eventType: row.eventType, schemaVersion: 1, data: row.data },
            headers: { eventType: row.eventType, schemaVersion: '1', subject: row.key, outboxRow: String(row.id) },
            producerId: `${spec.id}-publisher`,
            eventId: `outbox-${spec.id}-${row.id}`,
          },
          world.time,
        );
        b = sent.state;
        effects.push(...sent.effects);
      }
      return { world: put({ table: r.table, publisher: r.publisher }, b), effects };
    }
  }
}
