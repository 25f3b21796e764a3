/** One line for a step's stream effects ("zone-counts: 1 window update, 1 late record dropped"), for the step's stage line. */
import type { StreamEffect, StreamOp } from './effects';

const WORDS: Record<StreamOp, [string, string]> = {
  'window-updated': ['window update', 'window updates'],
  'sessions-merged': ['session merge', 'session merges'],
  'late-dropped': ['late record dropped', 'late records dropped'],
  'table-updated': ['table row updated', 'table rows updated'],
  'table-deleted': ['table row deleted', 'table rows deleted'],
  joined: ['record joined', 'records joined'],
  'join-missed': ['record without a table row', 'records without a table row'],
  'table-no-output': ['', ''],
  'not-copartitioned': ['refused: topics not co-partitioned', 'refused: topics not co-partitioned'],
  'skipped-null-key': ['record without a key skipped', 'records without a key skipped'],
  'changelog-written': ['changelog record', 'changelog records'],
  'store-restored': ['store restored from its changelog', 'stores restored from their changelogs'],
};

export function streamSummary(effects: readonly StreamEffect[]): string {
  const processors = [...new Set(effects.map((e) => e.processor))];
  const counts = new Map<StreamOp, number>();
  for (const e of effects) counts.set(e.op, (counts.get(e.op) ?? 0) + 1);
  const parts = [...counts]
    .filter(([op]) => WORDS[op][0] !== '')
    .map(([op, n]) =>
      op === 'not-copartitioned' || op === 'store-restored' ? WORDS[op][0] : `${n} ${WORDS[op][n === 1 ? 0 : 1]}`,
    );
  return `${processors.join(', ')}: ${parts.join(', ') || 'nothing to do'}`;
}
