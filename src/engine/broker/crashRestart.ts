/**
 * Where each partition of a crashed member starts again, in words computed from the group's state: its committed
 * offset, how far the member had fetched past it (delivered again), or — with no commit — where auto.offset.reset
 * puts the next owner. A crash's reason quotes this, so it never claims a commit that did not happen.
 */
import { getPartition } from './log';
import { tpKey, tpName, type BrokerState, type MemberState } from './brokerState';

const range = (topic: string, partition: number, from: number, to: number): string =>
  `${tpName(topic, partition)}@${from}${to > from ? `–${to}` : ''}`;

/** One clause per partition the member owned; '' when it owned none. */
export function restartWords(state: BrokerState, groupId: string, member: MemberState): string {
  const group = state.groups[groupId];
  if (!group || member.assignment.length === 0) return '';
  const clauses = member.assignment.map(({ topic, partition }) => {
    const key = tpKey(topic, partition);
    const committed = group.committed[key]?.offset ?? null;
    const position = member.positions[key] ?? null;
    const name = tpName(topic, partition);
    if (committed === null && group.autoOffsetReset === 'none')
      return `${name} has no committed offset and auto.offset.reset is none: its next owner's poll throws NoOffsetForPartitionException`;
    if (committed === null) {
      const log = getPartition(state, topic, partition);
      // ConsumerConfig auto.offset.reset: with no committed offset the next owner starts at the log start (earliest)
      // or the log end (latest).
      const start = group.autoOffsetReset === 'earliest' ? log.logStartOffset : log.logEndOffset;
      const again =
        position !== null && position > start
          ? `, so ${range(topic, partition, start, position - 1)} is read again`
          : '';
      return `${name} has no committed offset: its next owner starts where auto.offset.reset (${group.autoOffsetReset}) puts it, offset ${start}${again}`;
    }
    if (position !== null && position > committed)
      return `${name} restarts from its committed offset ${committed}, so ${range(topic, partition, committed, position - 1)}, fetched but not committed, is delivered again`;
    return `${name} restarts from its committed offset ${committed}, which nothing was fetched past`;
  });
  return clauses.join('; ');
}
