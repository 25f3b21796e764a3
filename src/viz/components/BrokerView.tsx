import { memo, useCallback, useRef, useState } from 'react';
import type { BrokerViewModel } from '../layout/brokerLayout';
import type { LagChartModel } from '../layout/lagChart';
import type { RecordRef } from '../layout/recordGrid';
import type { PartitionWhy } from '../layout/whyPartition';
import { Emitter } from './BrokerEmitter';
import { Group } from './BrokerGroup';
import { Topic } from './BrokerTopic';
import { CanvasTokens } from './CanvasTokens';
import { RecordGrid } from './RecordGrid';
import { StageMarks } from './StageMarks';
import { CANVAS_THRESHOLD, Token, tokenDelays, tokenFlightMs } from './Token';
import { WhyPartition, WhyPartitionHint } from './WhyPartition';
import './broker.css';

export type { RecordRef } from '../layout/recordGrid';

interface Props {
  model: BrokerViewModel;
  /** Changes every step so the tokens and rebalance animations of a step play once. */
  stepKey: string;
  /** How long the stage on screen lasts (its tokens fly within it); 0 once the step is fully shown. */
  stageMs?: number;
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

/** Few enough ownership links to draw them all (thin) when no group is selected. */
const ALL_LINKS_MAX = 12;

/** The animated broker: producers, relay and services, partitions as logs, consumer groups, records in flight. */
export const BrokerView = memo(function BrokerView({
  model,
  stepKey,
  stageMs = 0,
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
  const toggleGroup = useCallback((id: string) => setSelectedGroup((s) => (s === id ? null : id)), []);
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
  const delays = stageMs > 0 ? tokenDelays(model.tokens, stageMs) : tokenDelays(model.tokens);
  const flightMs = stageMs > 0 ? tokenFlightMs(stageMs) : undefined;
  // Tokens of one stage: a new stage (or step) starts their flight afresh.
  const tokensKey = `${stepKey}/${model.stage.kind}/${model.stage.caption ?? ''}`;
  // Below the layout's minimum width (a phone, an 800 px window, a narrow embed) the whole diagram
  // scales down rather than scrolling sideways; the records stay clickable and keyboard-reachable.
  const scale = fitWidth !== undefined && fitWidth > 0 && fitWidth < model.width ? fitWidth / model.width : 1;

  return (
    <div ref={rootRef} className={`bv${reducedMotion ? ' is-reduced' : ''}`} data-stage={model.stage.kind}>
      {/* Names the stage on screen as the step plays ("2 of 5 · Lands at orders-0 @3"). */}
      <p className={`bv-caption${model.stage.caption ? '' : ' is-empty'}`} aria-live="polite">
        {model.stage.caption ?? ''}
      </p>
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
                onToggle={toggleGroup}
                onHover={setHoveredGroup}
              />
            ))}
            <StageMarks marks={model.stage} />
            {!reducedMotion && !useCanvas && (
              <g className="bv-tokens" key={tokensKey}>
                {model.tokens.map((tok, i) => (
                  <Token key={tok.id} token={tok} delay={delays[i]!} {...(flightMs ? { duration: flightMs } : {})} />
                ))}
              </g>
            )}
          </svg>
          {useCanvas && (
            <CanvasTokens
              key={tokensKey}
              tokens={model.tokens}
              width={model.width}
              height={model.height}
              {...(stageMs > 0 ? { stageMs } : {})}
            />
          )}
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
