import { memo } from 'react';
import { CELL_H, tagWidth, type CommitMarkVM, type PartitionVM, type TopicVM } from '../layout/brokerLayout';
import { hotPartition, hotWords } from '../layout/partitionRate';
import { activate, short } from './svgControls';

/** A topic: its title, retention note and partitions. */
export const Topic = memo(function Topic({
  t,
  cellW,
  activeGroup,
  onToggleExpand,
}: {
  t: TopicVM;
  cellW: number;
  activeGroup: string | null;
  onToggleExpand: ((topic: string, partition: number) => void) | undefined;
}) {
  const hot = hotPartition(t.recent);
  const any = t.recent.some((n) => n > 0);
  // Beside the title when it fits and retention has nothing to say there; the bold count under its label otherwise.
  const hotNote =
    hot && !t.partitions.some((p) => p.deleted > 0)
      ? (hotWords(hot)
          .map((w) => fits(w, t))
          .find((w) => w !== null) ?? null)
      : null;
  return (
    <g className="bv-topic">
      <rect x={t.x - 10} y={t.y} width={t.width + 10} height={t.height} rx={10} className="bv-topic-box" />
      <text x={t.x} y={t.y + 20} className="bv-topic-title">
        topic <tspan className="bv-mono">{t.name}</tspan> · {t.partitions.length} partition
        {t.partitions.length === 1 ? '' : 's'}
        {t.compacted ? ' · compacted' : ''}
      </text>
      {t.partitions.some((p) => p.deleted > 0) && (
        <text x={t.x + t.width - 8} y={t.y + 20} textAnchor="end" className="bv-small">
          <title>Records before the log-start offset were deleted by retention (whole closed segments).</title>
          {short(
            `retention deleted ${t.partitions
              .filter((p) => p.deleted > 0)
              .map((p) => `P${p.partition} ${p.deleted === 1 ? '0' : `0–${p.deleted - 1}`}`)
              .join(', ')}`,
            Math.max(12, Math.floor((t.width - (t.name.length + 24 + (t.compacted ? 12 : 0)) * 7.4) / 6.2)),
          )}
        </text>
      )}
      {hotNote && (
        <text x={t.x + t.width - 8} y={t.y + 20} textAnchor="end" className="bv-small bv-strong">
          <title>The partition that took more than half of the records written to this topic in the last minute.</title>
          {hotNote}
        </text>
      )}
      {t.partitions.map((p) => (
        <Partition
          key={p.partition}
          p={p}
          recent={any ? t.recent[p.partition] : undefined}
          hot={hot?.partition === p.partition}
          cellW={cellW}
          x={t.x}
          right={t.x + t.width}
          activeGroup={activeGroup}
          onToggleExpand={onToggleExpand}
        />
      ))}
    </g>
  );
});

/** The text if it fits beside the topic's title, else null. */
const fits = (text: string, t: TopicVM): string | null =>
  (t.name.length + 24) * 7.4 + text.length * 6.2 <= t.width - 8 ? text : null;

const Partition = memo(function Partition({
  p,
  recent,
  hot,
  cellW,
  x,
  right,
  activeGroup,
  onToggleExpand,
}: {
  p: PartitionVM;
  /** Records it took in the last minute (shown under its label when the topic took any). */
  recent: number | undefined;
  hot: boolean;
  cellW: number;
  x: number;
  right: number;
  activeGroup: string | null;
  onToggleExpand: ((topic: string, partition: number) => void) | undefined;
}) {
  const labelTitle = `${p.topic}-${p.partition}: offsets ${p.logStartOffset}–${p.logEndOffset - 1 < p.logStartOffset ? '(empty)' : p.logEndOffset - 1}${p.deleted ? `; offsets before ${p.logStartOffset} deleted by retention` : ''}`;
  const toggle = () => onToggleExpand?.(p.topic, p.partition);
  return (
    <g className="bv-partition">
      <text x={x} y={p.anchorY + (recent === undefined ? 5 : -1)} className="bv-partition-label">
        <title>{labelTitle}</title>P{p.partition}
      </text>
      {recent !== undefined && (
        <text x={x} y={p.anchorY + 11} className={`bv-small${hot ? ' bv-strong' : ''}`}>
          <title>{`${p.topic}-${p.partition} took ${recent} record${recent === 1 ? '' : 's'} in the last minute of simulated time`}</title>
          {recent}/min
        </text>
      )}
      {p.expandable && onToggleExpand && (
        <g
          className="bv-more"
          role="button"
          tabIndex={0}
          aria-expanded={p.expanded}
          onClick={toggle}
          onKeyDown={activate(toggle)}
        >
          <title>
            {p.expanded
              ? `Show only the latest records of ${p.topic}-${p.partition}`
              : `Show all records of ${p.topic}-${p.partition}: +${p.hiddenBefore} earlier`}
          </title>
          <rect x={x - 4} y={p.anchorY + 11} width={40} height={18} rx={9} />
          <text x={x + 16} y={p.anchorY + 24} textAnchor="middle" aria-hidden="true">
            {p.expanded ? 'less' : `+${p.hiddenBefore}`}
          </text>
        </g>
      )}
      {/* The records themselves are drawn by the record grid, above the partitions. */}
      <rect x={p.next.x + 2} y={p.next.y} width={cellW - 6} height={CELL_H} rx={5} className="bv-next" />
      <text x={p.next.x + cellW / 2 - 1} y={p.next.y + CELL_H / 2 + 4} className="bv-small" textAnchor="middle">
        next {p.logEndOffset}
      </text>
      {p.commits.map((m) => (
        <CommitTag key={m.groupId} m={m} right={right} activeGroup={activeGroup} />
      ))}
    </g>
  );
});

/**
 * A group's committed-offset tag under its partition. Placed with a CSS transform, so when a commit
 * moves it, it slides to the new offset (not under reduced motion).
 */
function CommitTag({ m, right, activeGroup }: { m: CommitMarkVM; right: number; activeGroup: string | null }) {
  const active = activeGroup === m.groupId;
  const text = `committed ${m.offset} · lag ${m.lag}`;
  const tagW = tagWidth(m.badge);
  const textRight = m.x + tagW + 6 + text.length * 6.2 > right;
  return (
    <g
      className={`bv-commit${activeGroup && !active ? ' is-dim' : ''}${active ? ' is-active' : ''}`}
      style={{ transform: `translate(${m.x}px, ${m.y}px)` }}
      data-group={m.groupId}
      data-offset={m.offset}
    >
      <title>{`${m.label} committed offset ${m.offset}: the next record it will read; lag ${m.lag}${m.before ? ' (before the records shown)' : ''}`}</title>
      <path d="M0,0 l-4,5 h8 z" fill={m.colour} />
      <rect x={-3} y={4} width={tagW} height={15} rx={3} fill={m.colour} />
      <text x={-3 + tagW / 2} y={15.5} textAnchor="middle" className="bv-badge-text">
        {m.before ? `‹${m.badge}` : m.badge}
      </text>
      {active && (
        <text
          x={textRight ? -8 : tagW + 2}
          y={15.5}
          textAnchor={textRight ? 'end' : 'start'}
          className="bv-small bv-strong bv-halo"
        >
          {text}
        </text>
      )}
    </g>
  );
}
