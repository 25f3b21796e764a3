import { memo, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { CELL_H, type CellVM, type TopicVM } from '../layout/brokerLayout';
import { gridRowsOf, moveInGrid, sameRecord, tabStopOf, type RecordRef } from '../layout/recordGrid';
import { cellLabel } from '../layout/cellLabel';

interface Props {
  topics: readonly TopicVM[];
  cellW: number;
  selected: RecordRef | null;
  /** A record chosen by a click (pointer) or by Enter/Space (keyboard). */
  onSelect: (r: RecordRef, how: 'pointer' | 'keyboard') => void;
  /** Escape in the grid: close what the selection opened (the explanation). */
  onDismiss?: (() => void) | undefined;
}

const CELL_SELECTOR = '[role="gridcell"]';

function refOf(el: Element | null): RecordRef | null {
  const cell = el?.closest<SVGGElement>(CELL_SELECTOR);
  const d = cell?.dataset;
  if (!d || d.topic === undefined || d.partition === undefined || d.offset === undefined) return null;
  return { topic: d.topic, partition: Number(d.partition), offset: Number(d.offset) };
}

/**
 * The records of every partition as one grid with a roving tab stop (one Tab stop for all records):
 * arrow keys move between records (←/→) and partitions (↑/↓), Home/End go to a partition's first or
 * last record (Ctrl+Home/End: the grid's), Enter or Space selects a record as a click does. The keys
 * the grid uses stop here, so the player's shortcuts (Space, arrows, Home) do not fire inside it.
 */
export const RecordGrid = memo(function RecordGrid({ topics, cellW, selected, onSelect, onDismiss }: Props) {
  const rows = useMemo(() => gridRowsOf(topics), [topics]);
  const [active, setActive] = useState<RecordRef | null>(null);
  // The one tab stop: the record last moved to (or the nearest one once it has gone), else the selected one.
  const stop = tabStopOf(rows, active, selected);
  const gridRef = useRef<SVGGElement>(null);
  /** The cell that has focus (kept when focus is lost because the cell left the grid). */
  const focused = useRef<SVGGElement | null>(null);

  const focusCell = (r: RecordRef) => {
    for (const el of gridRef.current?.querySelectorAll<SVGGElement>(CELL_SELECTOR) ?? []) {
      if (sameRecord(refOf(el), r)) {
        el.focus();
        return;
      }
    }
  };

  // A step that removes the focused record (its partition's window moved on, or the learner stepped
  // back) would drop focus to the page: keep it in the grid, on the nearest record.
  useLayoutEffect(() => {
    const el = focused.current;
    if (!el || el.isConnected) return;
    focused.current = null;
    const now = document.activeElement;
    if ((now === null || now === document.body) && stop) focusCell(stop);
  });

  if (rows.length === 0) return null;

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.altKey) return;
    const from = refOf(e.target as Element);
    if (!from) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onSelect(from, 'keyboard');
      return;
    }
    if (e.key === 'Escape' && onDismiss) {
      e.preventDefault();
      e.stopPropagation();
      onDismiss();
      return;
    }
    const to = moveInGrid(rows, from, e.key, e.ctrlKey || e.metaKey);
    if (!to) return;
    // Consumed even at an edge, so an arrow never falls through to the player's step shortcuts.
    e.preventDefault();
    e.stopPropagation();
    setActive(to);
    focusCell(to);
  };
  const onFocus = (e: FocusEvent<SVGGElement>) => {
    const r = refOf(e.target);
    if (!r) return;
    focused.current = e.target.closest<SVGGElement>(CELL_SELECTOR);
    if (!sameRecord(r, active)) setActive(r);
  };
  const onBlur = (e: FocusEvent<SVGGElement>) => {
    const el = e.target;
    if (e.relatedTarget) {
      focused.current = null;
      return;
    }
    // Focus went nowhere: a click on the page, another window, or the cell being removed. Only the
    // last keeps the grid's claim on focus.
    setTimeout(() => {
      if (el.isConnected && focused.current === el) focused.current = null;
    });
  };

  const byTopic = new Map(topics.map((t) => [t.name, t]));
  return (
    <g
      ref={gridRef}
      className="bv-grid"
      role="grid"
      aria-label="Records by partition. Arrow keys move between records and partitions, Home and End go to a partition's first and last record, Enter explains why a record went to its partition."
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {rows.map((row) => {
        const p = byTopic.get(row.topic)!.partitions[row.partition]!;
        return (
          <g
            key={`${row.topic}:${row.partition}`}
            role="row"
            aria-label={`topic ${row.topic}, partition ${row.partition}`}
          >
            {p.cells.map((c) => {
              const ref = { topic: row.topic, partition: row.partition, offset: c.offset };
              return (
                <Cell
                  key={c.offset}
                  c={c}
                  r={ref}
                  cellW={cellW}
                  selected={sameRecord(selected, ref)}
                  tabStop={sameRecord(stop, ref)}
                  onSelect={() => {
                    setActive(ref);
                    onSelect(ref, 'pointer');
                  }}
                />
              );
            })}
          </g>
        );
      })}
    </g>
  );
});

function Cell({
  c,
  r,
  cellW,
  selected,
  tabStop,
  onSelect,
}: {
  c: CellVM;
  r: RecordRef;
  cellW: number;
  selected: boolean;
  tabStop: boolean;
  onSelect: () => void;
}) {
  const cls = [
    'bv-cell',
    c.isNew ? 'is-new' : '',
    c.fetchedBy.length ? 'is-fetched' : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      className={cls}
      role="gridcell"
      data-topic={r.topic}
      data-partition={r.partition}
      data-offset={c.offset}
      tabIndex={tabStop ? 0 : -1}
      aria-selected={selected}
      onClick={onSelect}
    >
      {/* The title is the accessible name (and the tooltip); the visible text is a shortened form of it. */}
      <title>{`${c.name}${c.isNew ? ', appended in this step' : ''}${c.fetchedBy.length ? `, fetched in this step by ${c.fetchedBy.join(', ')}` : ''}`}</title>
      <rect className="bv-cell-ring" x={c.x - 1.5} y={c.y - 3.5} width={cellW + 1} height={CELL_H + 7} rx={8} />
      <rect className="bv-cell-box" x={c.x + 2} y={c.y} width={cellW - 6} height={CELL_H} rx={5} />
      <g aria-hidden="true">
        <text x={c.x + 8} y={c.y + 15} className="bv-cell-offset">
          {c.offset}
          {c.isNew ? ' new' : c.fetchedBy.length ? ' read' : ''}
        </text>
        <CellType name={c.eventType} x={c.x + 8} y={c.y + 31} cellW={cellW} />
      </g>
    </g>
  );
}

/** The event type, whole: drawn a little narrower when it would not fit (see layout/cellLabel.ts). */
function CellType({ name, x, y, cellW }: { name: string; x: number; y: number; cellW: number }) {
  const label = cellLabel(name, cellW);
  return (
    <text
      x={x}
      y={y}
      className="bv-cell-type"
      {...(label.fitTo === null ? {} : { textLength: label.fitTo, lengthAdjust: 'spacingAndGlyphs' })}
    >
      {label.text}
    </text>
  );
}
