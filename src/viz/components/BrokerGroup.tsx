import { memo } from 'react';
import type { ChipVM, GroupVM, MemberVM } from '../layout/brokerLayout';
import type { LagChartModel } from '../layout/lagChart';
import { LagChart } from './LagChart';
import { activate, short } from './svgControls';

/** A consumer group: its heading (a toggle that focuses its links and tags), rebalance caption, members and lag chart. */
export const Group = memo(function Group({
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
  /** Selects the group or clears the selection (called with this group's id). */
  onToggle: (groupId: string) => void;
  onHover: (id: string | null) => void;
}) {
  const tagW = Math.max(22, g.badge.length * 8 + 10);
  const toggle = () => onToggle(g.groupId);
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
        onClick={toggle}
        onKeyDown={activate(toggle)}
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
});

const Member = memo(function Member({ m, colour, stepKey }: { m: MemberVM; colour: string; stepKey: string }) {
  return (
    <g className={`bv-member${m.idle ? ' is-idle' : ''}`}>
      <rect x={m.x} y={m.y} width={m.width} height={m.height} rx={7} stroke={colour} />
      <text x={m.x + 8} y={m.y + 16} className="bv-member-title">
        {short(m.memberId, 18)}
      </text>
      {m.note ? (
        <g className="bv-note-mark">
          <title>{`${m.memberId}: ${m.note.text} in this step (now ${m.status})`}</title>
          <text
            x={m.x + m.width - 8}
            y={m.y + 16}
            textAnchor="end"
            className={`bv-small bv-strong bv-note${m.note.current ? ' is-current' : ''}`}
          >
            {m.note.text}
          </text>
        </g>
      ) : (
        <text
          x={m.x + m.width - 8}
          y={m.y + 16}
          textAnchor="end"
          className={`bv-small${m.status.startsWith('lag') && m.status !== 'lag 0' ? ' bv-strong' : ''}`}
        >
          {m.status}
        </text>
      )}
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
          {m.awaitingRebalance ? 'partitions come with the rebalance' : 'no partitions: more members than partitions'}
        </text>
      )}
    </g>
  );
});

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
