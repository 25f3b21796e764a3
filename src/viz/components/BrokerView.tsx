import { memo } from 'react';
import { CELL_H, CELL_W, type BrokerViewModel, type CellVM, type GroupVM, type PartitionVM, type ProducerVM } from '../layout/brokerLayout';
import { Token, TOKEN_MS, TOKEN_STAGGER_MS } from './Token';

interface Props {
  model: BrokerViewModel;
  /** Changes every step so the tokens of a step play once. */
  stepKey: string;
  reducedMotion: boolean;
  onSelectEvent?: (eventId: string) => void;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The animated broker: publishers, partitions as logs, consumer groups, records in flight. */
export const BrokerView = memo(function BrokerView({ model, stepKey, reducedMotion }: Props) {
  // Fetch tokens wait for the produce tokens of the same step to land.
  const produceCount = model.tokens.filter((t) => t.kind === 'produce').length;
  return (
    <svg
      className="broker-view"
      viewBox={`0 0 ${model.width} ${model.height}`}
      role="img"
      aria-label="Animated view of the publisher, the topic's partitions and the consumer groups. The same information is in the tables below."
    >
      <g className="links">
        {model.links.map((l) => (
          <path key={l.id} d={l.d} stroke={l.colour} className="link" />
        ))}
      </g>
      {model.producers.map((p) => (
        <Producer key={p.id} p={p} />
      ))}
      {model.topics.map((t) => (
        <g key={t.name} className="topic">
          <rect x={t.x - 8} y={t.y} width={t.width} height={t.height} rx={10} className="topic-box" />
          <text x={t.x} y={t.y + 20} className="topic-title">
            topic <tspan className="mono">{t.name}</tspan> · {t.partitions.length} partitions
          </text>
          {t.partitions.map((p) => (
            <Partition key={p.partition} p={p} x={t.x} />
          ))}
        </g>
      ))}
      {model.groups.map((g) => (
        <Group key={g.groupId} g={g} />
      ))}
      {!reducedMotion && (
        <g className="tokens" key={stepKey}>
          {model.tokens.map((tok) => (
            <Token
              key={tok.id}
              token={tok}
              delay={tok.kind === 'produce' ? tok.index * TOKEN_STAGGER_MS : produceCount * TOKEN_STAGGER_MS + (produceCount ? TOKEN_MS : 0) + (tok.index - produceCount) * TOKEN_STAGGER_MS}
            />
          ))}
        </g>
      )}
    </svg>
  );
});

function Producer({ p }: { p: ProducerVM }) {
  return (
    <g className={`producer${p.active ? ' is-active' : ''}`}>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={10} stroke={p.colour} />
      <text x={p.x + 12} y={p.y + 20} className="node-title">
        {short(p.label, 20)}
      </text>
      <text x={p.x + 12} y={p.y + 37} className="node-sub">
        publisher{p.active ? ' · publishing' : ''}
      </text>
    </g>
  );
}

function Partition({ p, x }: { p: PartitionVM; x: number }) {
  const mid = p.y + p.height / 2;
  return (
    <g className="partition">
      <text x={x} y={mid + 5} className="partition-label">
        P{p.partition}
      </text>
      {p.hiddenBefore > 0 && (
        <text x={x + 26} y={mid + 4} className="node-sub" textAnchor="middle">
          …
        </text>
      )}
      {p.cells.map((c) => (
        <Cell key={c.offset} c={c} y={p.y} />
      ))}
      <rect x={p.endX + 2} y={p.y} width={CELL_W - 6} height={CELL_H} rx={5} className="cell-next" />
      <text x={p.endX + CELL_W / 2 - 1} y={mid + 4} className="cell-next-label" textAnchor="middle">
        next {p.logEndOffset}
      </text>
      {p.commits.map((m, i) => (
        <g key={m.groupId} className="commit-mark">
          {/* Groups that committed the same offset sit side by side under the boundary. */}
          <path d={`M${m.x + i * 9},${p.y + CELL_H + 1} l-5,7 h10 z`} fill={m.colour} />
          <title>{`${m.label} committed offset ${m.offset}: the next record it will read`}</title>
        </g>
      ))}
    </g>
  );
}

function Cell({ c, y }: { c: CellVM; y: number }) {
  const cls = ['cell', c.isNew ? 'is-new' : '', c.fetchedBy.length ? 'is-fetched' : ''].filter(Boolean).join(' ');
  return (
    <g className={cls} data-offset={c.offset}>
      <rect x={c.x + 2} y={y} width={CELL_W - 6} height={CELL_H} rx={5} />
      <text x={c.x + 6} y={y + 13} className="cell-offset">
        {c.offset}
      </text>
      <text x={c.x + 6} y={y + 27} className="cell-type">
        {short(c.eventType, 13)}
      </text>
      <title>{`offset ${c.offset} · ${c.eventType} · key ${c.key === null ? '(none)' : `"${c.key}"`}`}</title>
    </g>
  );
}

function Group({ g }: { g: GroupVM }) {
  return (
    <g className="group">
      <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={10} stroke={g.colour} className="group-box" />
      <text x={g.x + 10} y={g.y + 19} className="node-title" fill={g.colour}>
        group {short(g.label, 18)}
      </text>
      {g.members.map((m) => (
        <g key={m.memberId} className={`member${m.idle ? ' is-idle' : ''}`}>
          <rect x={m.x} y={m.y} width={m.width} height={m.height} rx={7} stroke={g.colour} />
          <text x={m.x + 8} y={m.y + 17} className="member-title">
            {m.memberId}
            {m.idle ? ' (idle)' : ''}
          </text>
          {m.partitions.map((mp, i) => (
            <text key={`${mp.topic}-${mp.partition}`} x={m.x + 8} y={m.y + 33 + i * 16} className="member-line">
              P{mp.partition} · committed {mp.committed ?? '—'} · lag {mp.lag ?? 'no commit'}
            </text>
          ))}
          {m.idle && (
            <text x={m.x + 8} y={m.y + 33} className="member-line">
              no partitions
            </text>
          )}
        </g>
      ))}
    </g>
  );
}
