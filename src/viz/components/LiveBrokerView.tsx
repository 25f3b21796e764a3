import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PartitionChoice } from '../../engine/types';
import { useRun } from '../../state/react';
import { useLagRows } from '../../state/selectors';
import { DEFAULT_WIDTH, layoutBroker, type BrokerViewModel } from '../layout/brokerLayout';
import { shareUnchanged } from '../layout/shareUnchanged';
import { eventTypeOf } from '../layout/brokerGeometry';
import { lagSummary, layoutLagChart, seriesFor } from '../layout/lagChart';
import { whyPartition } from '../layout/whyPartition';
import { PredictionTargets } from './PredictionTargets';
import { usePrediction } from './usePrediction';
import { BrokerView, type RecordRef } from './BrokerView';
import { useMeasuredWidth } from '../profiles/useMeasuredWidth';
import { useReducedMotion } from './useReducedMotion';
import { stillToCome, useStageOnScreen } from './useStageView';
import type { World } from '../../scenarios/world';

const brokerOf = (w: World) => w.broker;

/**
 * What the view remembers of the steps it has shown, per run (nothing is added to the run's state):
 * the partition choice of every record appended in a shown step. A run's world at a step never
 * changes, so what was seen stays true; a branch is a new run id. (The lag chart does not depend on
 * what was shown: its series comes from the state layer, computed from the world.)
 */
interface Memory {
  choices: Map<string, PartitionChoice>;
}
const memories = new Map<string, Memory>();
function memoryOf(runId: string): Memory {
  let m = memories.get(runId);
  if (!m) {
    m = { choices: new Map() };
    memories.set(runId, m);
    // Keep the few most recent runs only.
    while (memories.size > 6) memories.delete(memories.keys().next().value!);
  }
  return m;
}

const CHART_W = 230;
const CHART_H = 34;
/** A group's lag chart: group id, label, width, height. */
type ChartSpec = [string, string, number, number];

interface Props {
  onSelectEvent?: (eventId: string) => void;
}

/**
 * The broker view bound to the current run: its panel is measured first (before the first paint) and the
 * view is laid out once, at that width — not at a default width and then again (on a page opened at
 * step 10,000 the first layout and SVG were thrown away at once, `npm run bench`).
 */
export function LiveBrokerView(props: Props = {}) {
  const [ref, width, measured] = useMeasuredWidth<HTMLDivElement>(DEFAULT_WIDTH);
  return (
    <div ref={ref} className="bv-live">
      {measured && <LiveBrokerDrawing {...props} width={width} />}
    </div>
  );
}

/** Select the world, lay it out at `width`, render (LiveBrokerView's content once its panel is measured). */
export function LiveBrokerDrawing({ onSelectEvent, width }: Props & { width: number }) {
  const broker = useRun((s) => s.world.broker);
  const effects = useRun((s) => s.effects);
  const step = useRun((s) => s.step);
  const lastStep = useRun((s) => s.lastStep);
  const runId = useRun((s) => s.runId);
  const topology = useRun((s) => s.scenario.topology);
  const reducedMotion = useReducedMotion();
  // The step's stage on screen: what is still to come is drawn as it was before the step.
  const stage = useStageOnScreen(brokerOf);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const onToggleExpand = useCallback((topic: string, partition: number) => {
    setExpanded((old) => {
      const next = new Set(old);
      const k = `${topic}:${partition}`;
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  }, []);

  const memory = memoryOf(runId);
  const lag = useLagRows();
  // Remember this step's partition choices (idempotent per step).
  for (const e of effects)
    if (e.kind === 'record-appended') memory.choices.set(`${e.topic}:${e.partition}:${e.offset}`, e.choice);

  // The last model drawn: each new one shares its unchanged parts, so a stage that moves one commit tag
  // renders that partition again, not every partition, member and chart.
  const drawn = useRef<BrokerViewModel | null>(null);
  const model = useMemo(() => {
    const next = layoutBroker({
      broker,
      effects,
      producers: topology.producers,
      groups: topology.groups,
      services: topology.services ?? [],
      relay: topology.relay !== undefined,
      width,
      expanded,
      stage: { before: stage.before, stages: stage.stages, index: stage.index },
      initial: step === 0,
    });
    return drawn.current ? shareUnchanged(drawn.current, next) : next;
  }, [broker, effects, topology, width, expanded, stage.before, stage.stages, stage.index, step]);
  useEffect(() => {
    drawn.current = model;
  }, [model]);

  // The step's point joins the line once its records have landed and its lag has changed.
  const shownStep = stillToCome(stage, 'land', 'lag') ? step - 1 : step;
  // What the charts are drawn from, as a value: the charts are made again when it changes, not at every stage.
  const chartSpecs = JSON.stringify(
    model.groups.map((g): ChartSpec => [g.groupId, g.label, g.chart.width || CHART_W, g.chart.height || CHART_H]),
  );
  const lagCharts = useMemo(() => {
    const out = new Map<string, { model: ReturnType<typeof layoutLagChart>; summary: string }>();
    for (const [groupId, label, chartW, chartH] of JSON.parse(chartSpecs) as ChartSpec[]) {
      const series = seriesFor(lag.rows, groupId).filter((p) => p.step <= shownStep);
      const chart = layoutLagChart(series, { width: chartW, height: chartH, lastStep, currentStep: shownStep });
      out.set(groupId, { model: chart, summary: lagSummary(label, series, lag.stride) });
    }
    return out;
  }, [chartSpecs, lag, shownStep, lastStep]);

  const initialCounts = useMemo(() => new Map(topology.topics.map((t) => [t.name, t.partitions])), [topology]);
  const why = useCallback(
    (r: RecordRef) => {
      const log = broker.topics[r.topic];
      const rec = log?.partitions[r.partition]?.records.find((x) => x.offset === r.offset);
      if (!log || !rec) return null;
      return whyPartition({
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        key: rec.key,
        eventType: eventTypeOf(rec),
        currentCount: log.partitions.length,
        choice: memory.choices.get(`${r.topic}:${r.partition}:${r.offset}`) ?? null,
        initialCount: initialCounts.get(r.topic) ?? null,
      });
    },
    [broker, memory, initialCounts],
  );

  // A prediction asked on this step and not answered yet: its partitions, offsets and members become click targets.
  const prediction = usePrediction();
  const scale = width < model.width ? width / model.width : 1;

  return (
    <>
      {prediction && <PredictionTargets model={model} scale={scale} prediction={prediction} />}
      <BrokerView
        model={model}
        stepKey={`${runId}/${step}`}
        stageMs={stage.ms}
        reducedMotion={reducedMotion}
        why={why}
        lagCharts={lagCharts}
        onToggleExpand={onToggleExpand}
        fitWidth={width}
        {...(onSelectEvent ? { onSelectEvent } : {})}
      />
    </>
  );
}
