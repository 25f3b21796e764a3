import { useId, useMemo, useState, type ReactNode } from 'react';
import { useRun } from '../../state/react';
import { isSetupStep, setupSummary } from '../../state/setupSummary';
import { stageIndexFor, stepKeyOf, useStage } from '../../state/stageClock';
import { planStages } from '../../state/stagePlan';
import {
  describeEffects,
  describeStages,
  stagePlayState,
  summarise,
  type EffectItem,
  type StageItem,
} from '../layout/effectItems';
import { TONE_WORD, ToneIcon } from './ToneIcon';
import './views.css';
import './effectsList.css';

/**
 * "What happened in this step": one line per stage, in the order they happen, each a disclosure
 * button opening onto its effects and their reasons (ids and hash arithmetic live there, on demand).
 * While the step's stages play (the stage clock), the one on screen is highlighted and marked as the
 * current step of the list; those still to come are quieter. Step 0's set-up is a single line of its own.
 */
export function EffectsList() {
  const effects = useRun((s) => s.effects);
  const step = useRun((s) => s.step);
  const runId = useRun((s) => s.runId);
  const stages = useMemo(() => planStages(effects), [effects]);
  const items = useMemo(() => describeStages(effects, stages), [effects, stages]);
  const counts = useMemo(() => summarise(describeEffects(effects)), [effects]);
  const setup = isSetupStep(step, effects);
  // The stage on screen, while this step's stages play; null once the step is fully shown.
  const now = stageIndexFor(useStage(), stepKeyOf({ runId, step }))?.index ?? null;
  const titleId = useId();
  return (
    <section className="panel effects-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>What happened in this step</h2>
      {items.length === 0 ? (
        <p className="empty">
          {step === 0 ? 'Nothing yet: this is the starting point.' : 'Nothing changed in this step.'}
        </p>
      ) : (
        <>
          <p className="effects-summary">{overview(step, setup, stages.length, counts)}</p>
          <div className="effects-scroll" tabIndex={0} role="region" aria-label={`Effects of step ${step}`}>
            {/* Keyed by the step, so what was opened closes when the step changes. */}
            <StageList
              key={`${runId}:${step}`}
              items={items}
              now={now}
              setup={setup ? setupSummary(effects, stages) : null}
            />
          </div>
        </>
      )}
    </section>
  );
}

function overview(step: number, setup: boolean, stages: number, counts: { problems: number; warnings: number }) {
  const head = setup
    ? 'Before step 1: the starting point'
    : `Step ${step}, in ${stages} ${stages === 1 ? 'stage' : 'stages'}`;
  const problems = counts.problems > 0 ? `, ${counts.problems} refused or failed` : '';
  const warnings = counts.warnings > 0 ? `, ${counts.warnings} to look at` : '';
  return `${head}${problems}${warnings}. Open a line to see what happened and why.`;
}

function StageList({ items, now, setup }: { items: readonly StageItem[]; now: number | null; setup: string | null }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const lines = (
    <ol className="stages">
      {items.map((item) => (
        <StageLine key={item.key} item={item} now={now} open={open.has(item.key)} onToggle={() => toggle(item.key)} />
      ))}
    </ol>
  );
  if (setup === null) return lines;
  const tone = items.some((i) => i.tone === 'problem')
    ? 'problem'
    : items.some((i) => i.tone === 'warning')
      ? 'warning'
      : 'normal';
  return (
    <ol className="stages">
      <StageLine
        item={{ key: 'setup', stage: null, kind: 'setup', line: setup, tone, effects: [] }}
        now={null}
        open={open.has('setup')}
        onToggle={() => toggle('setup')}
      >
        {lines}
      </StageLine>
    </ol>
  );
}

/**
 * A closed stage holding more effects than this renders them when it is opened: a poll of 1,000
 * records is a stage of 1,000+ effect lines, and rendering them hidden created ~6,000 DOM nodes on
 * every such step (the longest frames of playing it). Shorter lists are rendered with their line.
 */
const EAGER_EFFECTS = 50;

/** A stage's line: a disclosure button when there is more to say (its effects, or the set-up's stages). */
function StageLine({
  item,
  now,
  open,
  onToggle,
  children,
}: {
  item: StageItem;
  /** The stage on screen while the step plays, else null. */
  now: number | null;
  open: boolean;
  onToggle: () => void;
  children?: ReactNode;
}) {
  const bodyId = useId();
  const expandable = item.effects.length > 0 || children !== undefined;
  const label = (
    <>
      <ToneIcon tone={item.tone} />
      <span className="visually-hidden">{TONE_WORD[item.tone]}</span>
      <span className="stage-text">{item.line}</span>
    </>
  );
  return (
    <li
      className={`stage-line tone-${item.tone} is-${stagePlayState(item.stage, now)}`}
      data-kind={item.kind}
      aria-current={stagePlayState(item.stage, now) === 'now' ? 'step' : undefined}
    >
      {expandable ? (
        <button type="button" className="stage-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          {label}
          <span className="stage-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
        </button>
      ) : (
        <span className="stage-toggle is-plain">{label}</span>
      )}
      {expandable && (
        <div id={bodyId} className="stage-body" hidden={!open}>
          {children ?? (open || item.effects.length <= EAGER_EFFECTS ? <EffectLines items={item.effects} /> : null)}
        </div>
      )}
    </li>
  );
}

function EffectLines({ items }: { items: readonly EffectItem[] }) {
  return (
    <ol className="effects">
      {items.map((item) => (
        <li key={item.key} className={`effect tone-${item.tone}`} data-kind={item.kind}>
          <span className="effect-kind">
            <ToneIcon tone={item.tone} />
            <span className="visually-hidden">{TONE_WORD[item.tone]}</span>
            {item.label}
          </span>
          <span className="effect-reason">{item.reason}</span>
        </li>
      ))}
    </ol>
  );
}
