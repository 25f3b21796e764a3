import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import {
  CELL_H,
  type BrokerViewModel,
  type ChipVM,
  type EmitterVM,
  type GroupVM,
  type MemberVM,
  type PartitionVM,
  type TopicVM,
} from '../layout/brokerLayout';
import type { LagChartModel } from '../layout/lagChart';
import type { RecordRef } from '../layout/recordGrid';
import type { PartitionWhy } from '../layout/whyPartition';
import { LagChart } from './LagChart';
import { RecordGrid } from './RecordGrid';
import { CanvasTokens } from './CanvasTokens';
import { CANVAS_THRESHOLD, Token, tokenDelays } from './Token';
import { WhyPartition, WhyPartitionHint } from './WhyPartition';
import './broker.css';

export type { RecordRef } from '../layout/recordGrid';

interface Props {
  model: BrokerViewModel;
  /** Changes every step so the tokens and rebalance animations of a step play once. */
  stepKey: string;
  reducedMotion: boolean;
  /** Explains a record's partition ("why this partition?"). */
  why?: (r: RecordRef) => PartitionWhy | null;
  /** Lag-over-time chart per group id. */
  lagCharts?: ReadonlyMap<string, { model: LagChartModel; summary: string }>;
  onToggleExpand?: (topic: string, partition: number) => void;
  onSelectEvent?: (eventId: string) => void;
  /** The width the view has on screen: a layout wider than that (it has a minimum) is scaled down to fit. */
  fitWidth?: number;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Few enough ownership links to draw them all (thin) when no group is selected. */
const ALL_LINKS_MAX = 12;

const activate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fn();
  }
};

/** The animated broker: producers, relay and services, partitions as logs, consumer groups, records in flight. */
export const BrokerView = memo(function BrokerView({
  model,
  stepKey,
  reducedMotion,
  why,
  lagCharts,
  onToggleExpand,
  onSelectEvent,
  fitWidth,
}: Props) {
  const [selectedGroup, setSelectedGroup] = useState<string | null>(null);
  const [hoveredGroup, setHoveredGroup] = useState<string | null>(null);
  const [selected, setSelected] = useState<RecordRef | null>(null);
  // A click moves focus into the explanation; Enter/Space in the record grid keeps it there (arrows keep moving).
  const [byPointer, setByPointer] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const onSelectRecord = useCallback((r: RecordRef, how: 'pointer' | 'keyboard') => {
    setSelected(r);
    setByPointer(how === 'pointer');
  }, []);
  const closeWhy = useCallback(() => setSelected(null), []);
  const anchor = useCallback(() => {
    if (!selected) return null;
    for (const el of rootRef.current?.querySelectorAll<SVGGElement>('[role="gridcell"]') ?? [])
      if (
        el.dataset.topic === selected.topic &&
        el.dataset.partition === String(selected.partition) &&
        el.dataset.offset === String(selected.offset)
      )
        return el;
    return null;
  }, [selected]);
  const activeGroup = hoveredGroup ?? selectedGroup;

  const links = activeGroup
    ? model.links.filter((l) => l.groupId === activeGroup)
    : model.links.length <= ALL_LINKS_MAX
      ? model.links
      : [];
  const selectedCell = selected
    ? model.topics
        .find((t) => t.name === selected.topic)
        ?.partitions[selected.partition]?.cells.find((c) => c.offset === selected.offset)
    : undefined;
  const explanation = selected && selectedCell && why ? why(selected) : null;
  const useCanvas = !reducedMotion && model.tokens.length > CANVAS_THRESHOLD;
  const delays = tokenDelays(model.tokens);
  // Below the layout's minimum width (a phone, an 800 px window, a narrow embed) the whole diagram
  // scales down rather than scrolling sideways; the records stay clickable and keyboard-reachable.
  const scale = fitWidth !== undefined && fitWidth > 0 && fitWidth < model.width ? fitWidth / model.width : 1;

  return (
    <div ref={rootRef} className={`bv${reducedMotion ? ' is-reduced' : ''}`}>
      <div className="bv-fit" style={scale < 1 ? { height: Math.ceil(model.height * scale) } : undefined}>
        <div
          className="bv-stage"
          style={{
            width: model.width,
            height: model.height,
            ...(scale < 1 ? { transform: `scale(${scale})`, transformOrigin: '0 0' } : {}),
          }}
        >
          <svg
            className="bv-svg"
            width={model.width}
            height={model.height}
            viewBox={`0 0 ${model.width} ${model.height}`}
            role="group"
            aria-label="Producers, topics with their partitions, and consumer groups. The records form one grid: Tab into it, move with the arrow keys, press Enter to see why a record went to its partition. The tables below hold the same information."
          >
            <g className={`bv-links${activeGroup ? ' is-focused' : ''}`} aria-hidden="true">
              {links.map((l) => (
                <path key={l.id} d={l.d} stroke={l.colour} className="bv-link" />
              ))}
            </g>
            {model.producers.map((p) => (
              <Emitter key={p.id} p={p} />
            ))}
            {model.topics.map((t) => (
              <Topic key={t.name} t={t} cellW={model.cellW} activeGroup={activeGroup} onToggleExpand={onToggleExpand} />
            ))}
            <RecordGrid
              topics={model.topics}
              cellW={model.cellW}
              selected={selected}
              onSelect={onSelectRecord}
              onDismiss={selected ? closeWhy : undefined}
            />
            {model.groups.map((g) => (
              <Group
                key={g.groupId}
                g={g}
                stepKey={stepKey}
                selected={selectedGroup === g.groupId}
                dimmed={activeGroup !== null && activeGroup !== g.groupId}
                chart={lagCharts?.get(g.groupId)}
                onToggle={() => setSelectedGroup((s) => (s === g.groupId ? null : g.groupId))}
                onHover={setHoveredGroup}
              />
            ))}
            {!reducedMotion && !useCanvas && (
              <g className="bv-tokens" key={stepKey}>
                {model.tokens.map((tok, i) => (
                  <Token key={tok.id} token={tok} delay={delays[i]!} />
                ))}
              </g>
            )}
          </svg>
          {useCanvas && <CanvasTokens key={stepKey} tokens={model.tokens} width={model.width} height={model.height} />}
        </div>
      </div>
      <WhyPartitionHint />
      {explanation && (
        <WhyPartition
          why={explanation}
          eventId={selectedCell?.eventId ?? null}
          anchor={anchor}
          takeFocus={byPointer}
          onClose={closeWhy}
          onInspect={onSelectEvent}
        />
      )}
    </div>
  );
});

function Emitter({ p }: { p: EmitterVM }) {
  const sub = p.emitted > 0 ? `▶ sent ${p.emitted} record${p.emitted === 1 ? '' : 's'}` : p.sub;
  return (
    <g className={`bv-emitter is-${p.kind}${p.emitted ? ' is-active' : ''}`}>
      <title>{`${p.label} (${p.kind === 'relay' ? 'outbox relay' : p.kind}) · ${p.sub}${p.emitted ? ` · appended ${p.emitted} record${p.emitted === 1 ? '' : 's'} in this step` : ''}`}</title>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={p.kind === 'service' ? 4 : 10} stroke={p.colour} />
      {p.titleLines.map((l, i) => (
        <text key={i} x={p.x + 10} y={p.y + 19 + i * 16} className="bv-node-title">
          {l}
        </text>
      ))}
      <text x={p.x + 10} y={p.y + p.height - 11} className={`bv-small${p.emitted ? ' bv-strong' : ''}`}>
        {short(sub, 23)}
      </text>
    </g>
  );
}

function Topic({
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
      {t.partitions.map((p) => (
        <Partition
          key={p.partition}
          p={p}
          cellW={cellW}
          x={t.x}
          right={t.x + t.width}
          activeGroup={activeGroup}
          onToggleExpand={onToggleExpand}
        />
      ))}
    </g>
  );
}

function Partition({
  p,
  cellW,
  x,
  right,
  activeGroup,
  onToggleExpand,
}: {
  p: PartitionVM;
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
      <text x={x} y={p.anchorY + 5} className="bv-partition-label">
        <title>{labelTitle}</title>P{p.partition}
      </text>
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
      {p.commits.map((m) => {
        const active = activeGroup === m.groupId;
        const text = `committed ${m.offset} · lag ${m.lag}`;
        const tagW = Math.max(20, m.badge.length * 8 + 8);
        const textRight = m.x + tagW + 6 + text.length * 6.2 > right;
        return (
          <g
            key={m.groupId}
            className={`bv-commit${activeGroup && !active ? ' is-dim' : ''}${active ? ' is-active' : ''}`}
          >
            <title>{`${m.label} committed offset ${m.offset}: the next record it will read; lag ${m.lag}${m.before ? ' (before the records shown)' : ''}`}</title>
            <path d={`M${m.x},${m.y} l-4,5 h8 z`} fill={m.colour} />
            <rect x={m.x - 3} y={m.y + 4} width={tagW} height={15} rx={3} fill={m.colour} />
            <text x={m.x - 3 + tagW / 2} y={m.y + 15.5} textAnchor="middle" className="bv-badge-text">
              {m.before ? `‹${m.badge}` : m.badge}
            </text>
            {active && (
              <text
                x={textRight ? m.x - 8 : m.x + tagW + 2}
                y={m.y + 15.5}
                textAnchor={textRight ? 'end' : 'start'}
                className="bv-small bv-strong bv-halo"
              >
                {text}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

function Group({
  g,
  stepKey,
  selected,
  dimmed,
  chart,
  onToggle,
  onHover,
}: {
  g: GroupVM;
  stepKey: string;
  selected: boolean;
  dimmed: boolean;
  chart: { model: LagChartModel; summary: string } | undefined;
  onToggle: () => void;
  onHover: (id: string | null) => void;
}) {
  const tagW = Math.max(22, g.badge.length * 8 + 10);
  return (
    <g
      className={`bv-group${dimmed ? ' is-dim' : ''}${selected ? ' is-selected' : ''}`}
      onMouseEnter={() => onHover(g.groupId)}
      onMouseLeave={() => onHover(null)}
    >
      <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={10} stroke={g.colour} className="bv-group-box" />
      <g
        className="bv-group-head"
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        onClick={onToggle}
        onKeyDown={activate(onToggle)}
        onFocus={() => onHover(g.groupId)}
        onBlur={() => onHover(null)}
      >
        <title>{`Group ${g.label}, generation ${g.generation}: ${selected ? 'hide' : 'show'} which member owns which partition and its commits`}</title>
        <rect x={g.x + 2} y={g.y + 2} width={g.width - 4} height={24} rx={8} className="bv-head-hit" />
        <g aria-hidden="true">
          <rect x={g.x + 10} y={g.y + 7} width={tagW} height={17} rx={4} fill={g.colour} />
          <text x={g.x + 10 + tagW / 2} y={g.y + 19.5} textAnchor="middle" className="bv-badge-text">
            {g.badge}
          </text>
          <text x={g.x + tagW + 16} y={g.y + 20} className="bv-node-title">
            {short(g.label, 20)}
          </text>
          <text x={g.x + g.width - 10} y={g.y + 20} textAnchor="end" className="bv-small">
            gen {g.generation}
          </text>
        </g>
      </g>
      <text x={g.x + 12} y={g.y + 37} className="bv-small">
        {g.assignor} assignor
      </text>
      {g.rebalance && (
        <text key={stepKey} className={`bv-rebalance is-${g.rebalance.protocol}`}>
          <title>{g.rebalance.detail}</title>
          {g.rebalance.lines.map((l, i) => (
            <tspan key={i} x={g.x + 12} y={g.y + 53 + i * 15}>
              {i === 0 ? `⟳ ${l}` : l}
            </tspan>
          ))}
        </text>
      )}
      {g.members.map((m) => (
        <Member key={m.memberId} m={m} colour={g.colour} stepKey={stepKey} />
      ))}
      {g.members.length === 0 && (
        <text x={g.x + 12} y={g.y + 58 + (g.rebalance ? g.rebalance.lines.length * 15 : 0)} className="bv-small">
          no members
        </text>
      )}
      {chart && (
        <LagChart
          model={chart.model}
          x={g.chart.x}
          y={g.chart.y}
          colour={g.colour}
          label="total lag by step"
          summary={chart.summary}
        />
      )}
    </g>
  );
}

function Member({ m, colour, stepKey }: { m: MemberVM; colour: string; stepKey: string }) {
  return (
    <g className={`bv-member${m.idle ? ' is-idle' : ''}`}>
      <rect x={m.x} y={m.y} width={m.width} height={m.height} rx={7} stroke={colour} />
      <text x={m.x + 8} y={m.y + 16} className="bv-member-title">
        {short(m.memberId, 18)}
      </text>
      <text
        x={m.x + m.width - 8}
        y={m.y + 16}
        textAnchor="end"
        className={`bv-small${m.status.startsWith('lag') && m.status !== 'lag 0' ? ' bv-strong' : ''}`}
      >
        {m.status}
      </text>
      {m.lines.map(
        (l, i) =>
          l.topic && (
            <text key={i} x={m.x + 8} y={l.y + 14} className="bv-small bv-mono">
              {short(l.topic, 14)}
            </text>
          ),
      )}
      {m.chips.map((c) => (
        <Chip key={`${c.topic}:${c.partition}/${c.state === 'kept' ? '' : stepKey}`} c={c} colour={colour} />
      ))}
      {m.idle && m.chips.length === 0 && (
        <text x={m.x + 8} y={m.y + 36} className="bv-small">
          no partitions: more members than partitions
        </text>
      )}
    </g>
  );
}

function Chip({ c, colour }: { c: ChipVM; colour: string }) {
  const mark = c.state === 'assigned' || c.state === 'reassigned' ? '+' : '';
  return (
    <g className={`bv-chip is-${c.state}`}>
      <title>{c.title}</title>
      <g className="bv-chip-body">
        <rect x={c.x} y={c.y} width={c.width} height={19} rx={9.5} stroke={colour} />
        <text x={c.x + c.width / 2} y={c.y + 13.5} textAnchor="middle">
          {mark}
          {c.label}
        </text>
        {c.state === 'revoked' && (
          <line x1={c.x + 3} x2={c.x + c.width - 3} y1={c.y + 9.5} y2={c.y + 9.5} className="bv-strike" />
        )}
      </g>
    </g>
  );
}
