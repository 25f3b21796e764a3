/**
 * The transactional outbox as a relational table, and the two ways its rows reach the broker.
 *
 * A service writes its state change and an outbox row in ONE database transaction, so the event exists
 * exactly when the change does. The row's id comes from a sequence when it is INSERTed, but it becomes
 * visible only when its transaction COMMITs: two transactions can commit in the opposite order of their
 * ids (PostgreSQL's sequences are non-transactional: nextval is never rolled back and does not wait for
 * commit). That gap is what separates the two publishers:
 *
 * - a POLLING PUBLISHER runs `SELECT … FROM outbox … ORDER BY id` every interval. Remembering the last id
 *   it published ("after-last-id") skips a row that commits after a higher id was published: LOST.
 *   Selecting rows not yet marked published ("unpublished") finds it on a later poll, but publishes it
 *   after a higher id: OUT OF ORDER. It marks (or deletes) rows after publishing; a crash in between
 *   publishes them again: DUPLICATES. Its latency is the polling interval.
 * - LOG-TAILING (change data capture, e.g. Debezium's outbox event router) reads the database's
 *   transaction log, where changes appear in COMMIT order, from a stored log position: nothing is
 *   skipped, the order is the commit order, and a crash before the position is stored re-publishes
 *   what it had sent (DUPLICATES). The row may be deleted in the same transaction that inserted it:
 *   the log keeps the insert, so the table never grows.
 *
 * Pure: every operation returns the next table (and publisher), the rows to publish, and its reasons.
 */

export type RowState = 'uncommitted' | 'committed' | 'published' | 'deleted';

export interface OutboxRow {
  readonly id: number;
  readonly txn: string;
  readonly eventType: string;
  readonly key: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly state: RowState;
}

export interface OutboxTable {
  readonly rows: readonly OutboxRow[];
  /** The id sequence's next value. */
  readonly nextId: number;
  /** Row ids in the order their transactions committed: the transaction log a CDC reader tails. */
  readonly log: readonly number[];
}

export type PollStrategy = 'after-last-id' | 'unpublished';

export interface Publisher {
  /** A polling publisher's strategy, or log tailing. */
  readonly kind: PollStrategy | 'log-tailing';
  /** after-last-id: the highest id published; log-tailing: the log position read up to (rows). */
  readonly position: number;
}

export interface Published {
  readonly table: OutboxTable;
  readonly publisher: Publisher;
  /** Rows to send to the broker, in the order they are sent. */
  readonly rows: readonly OutboxRow[];
  /** What happened, in order: rows found, a row it will never send, a crash. */
  readonly notes: readonly { readonly step: 'publish' | 'lost' | 'crash'; readonly reason: string }[];
}

export const EMPTY_OUTBOX: OutboxTable = { rows: [], nextId: 1, log: [] };

const setState = (table: OutboxTable, ids: ReadonlySet<number>, state: RowState): OutboxTable => ({
  ...table,
  rows: table.rows.map((r) => (ids.has(r.id) ? { ...r, state } : r)),
});

/** INSERT INTO outbox inside `txn`: the id is drawn now; nobody else sees the row until the commit. */
export function insertRow(
  table: OutboxTable,
  txn: string,
  event: { eventType: string; key: string; data: Readonly<Record<string, unknown>> },
): { table: OutboxTable; row: OutboxRow } {
  const row: OutboxRow = { id: table.nextId, txn, ...event, state: 'uncommitted' };
  return { table: { ...table, rows: [...table.rows, row], nextId: table.nextId + 1 }, row };
}

/** COMMIT `txn`: its rows become visible, and enter the transaction log in this order. */
export function commitTxn(table: OutboxTable, txn: string, deleteRows = false): { table: OutboxTable; ids: number[] } {
  const ids = table.rows.filter((r) => r.txn === txn && r.state === 'uncommitted').map((r) => r.id);
  const t = setState(table, new Set(ids), deleteRows ? 'deleted' : 'committed');
  return { table: { ...t, log: [...t.log, ...ids] }, ids };
}

const visible = (r: OutboxRow) => r.state === 'committed' || r.state === 'published';

/**
 * One run of a publisher. A polling publisher selects by id; `crashBeforeMark` sends the rows but dies
 * before it marks them (or stores its last id). Log tailing reads the log from its position;
 * `crashBeforeMark` dies before it stores the new position.
 */
export function publishOnce(table: OutboxTable, publisher: Publisher, crashBeforeMark = false): Published {
  const notes: { step: 'publish' | 'lost' | 'crash'; reason: string }[] = [];
  if (publisher.kind === 'log-tailing') {
    const ids = table.log.slice(publisher.position);
    const byId = new Map(table.rows.map((r) => [r.id, r]));
    const rows = ids.map((id) => byId.get(id)!);
    for (const r of rows)
      notes.push({
        step: 'publish',
        reason: `log tailing read the insert of row ${r.id} (${r.eventType}) at log position ${table.log.indexOf(r.id)}: the log holds changes in commit order`,
      });
    if (crashBeforeMark)
      notes.push({
        step: 'crash',
        reason: `it crashed before storing its log position: it starts again from position ${publisher.position} and sends ${rows.length} row(s) again`,
      });
    return {
      table: setState(table, new Set(ids.filter((id) => byId.get(id)!.state === 'committed')), 'published'),
      publisher: crashBeforeMark ? publisher : { ...publisher, position: table.log.length },
      rows,
      notes,
    };
  }
  const rows = table.rows
    .filter((r) =>
      publisher.kind === 'after-last-id' ? visible(r) && r.id > publisher.position : r.state === 'committed',
    )
    .sort((a, b) => a.id - b.id);
  const pending = table.rows.filter((r) => r.state === 'uncommitted');
  const last = publisher.kind === 'after-last-id' ? Math.max(publisher.position, ...rows.map((r) => r.id)) : 0;
  const lost =
    publisher.kind === 'after-last-id' ? pending.filter((r) => r.id < last && r.id > publisher.position) : [];
  const passed =
    publisher.kind === 'after-last-id'
      ? table.rows.filter((r) => r.state === 'committed' && r.id <= publisher.position)
      : [];
  for (const r of passed)
    notes.push({
      step: 'lost',
      reason: `row ${r.id} is committed but was never sent: its id is below the last one sent (${publisher.position}), so this query never selects it: lost`,
    });
  for (const r of lost)
    notes.push({
      step: 'lost',
      reason: `row ${r.id} is not committed yet (transaction ${r.txn}), so the poller cannot see it; it now remembers id ${last}, so it will never select row ${r.id}: lost`,
    });
  // The select note after the lost ones: a loss is what the step's summary should name first.
  notes.push({
    step: 'publish',
    reason:
      publisher.kind === 'after-last-id'
        ? `the poller selected committed rows with id > ${publisher.position} in id order: ${rows.length ? rows.map((r) => r.id).join(', ') : 'none'}`
        : `the poller selected rows not yet published, in id order: ${rows.length ? rows.map((r) => r.id).join(', ') : 'none'}`,
  });
  if (crashBeforeMark)
    notes.push({
      step: 'crash',
      reason: `it crashed after sending and before marking the rows published: the next poll sends ${rows.length} row(s) again`,
    });
  return {
    table: crashBeforeMark ? table : setState(table, new Set(rows.map((r) => r.id)), 'published'),
    publisher: crashBeforeMark || publisher.kind !== 'after-last-id' ? publisher : { ...publisher, position: last },
    rows,
    notes,
  };
}

/** DELETE FROM outbox WHERE published: the cleanup a polling publisher needs (log tailing can delete at once). */
export function deletePublished(table: OutboxTable): { table: OutboxTable; ids: number[] } {
  const ids = table.rows.filter((r) => r.state === 'published').map((r) => r.id);
  return { table: setState(table, new Set(ids), 'deleted'), ids };
}
