import { useId, useMemo, type KeyboardEvent } from 'react';
import type { RecordedEvent } from '../../engine/types';
import { useRun } from '../../state/react';
import { indexEvents, layoutCausalChain, type CausalChainModel, type ChainNodeVM } from '../layout/causalChain';
import {
  findDirectRecord,
  isoTime,
  recordEvent,
  recordToCloudEvent,
  toCloudEvent,
  type RecordEvent,
} from '../layout/cloudEvent';
import { SealedFields } from '../privacy/SealedFields';
import './views.css';

export interface InspectorProps {
  /** The event to inspect, or null for none. */
  eventId: string | null;
  /** Select another event (from its causal chain or its siblings). */
  onSelect: (eventId: string) => void;
}

const fit = (text: string, max: number, width: number) =>
  text.length > max ? { textLength: width, lengthAdjust: 'spacingAndGlyphs' as const } : {};
const json = (v: unknown) => JSON.stringify(v, null, 2) ?? 'undefined';
const text = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));

/**
 * One event in full: its envelope, its CloudEvents form and its causal chain. An event in the event
 * store is read from there; an event a direct producer wrote to a topic (a `publish`) is in no store,
 * so its envelope and CloudEvents form are built from the record's headers and value.
 */
export function Inspector({ eventId, onSelect }: InspectorProps) {
  const log = useRun((s) => s.world.log);
  const broker = useRun((s) => s.world.broker);
  const index = useMemo(() => indexEvents(log.events), [log]);
  const event = eventId ? index.byId.get(eventId) : undefined;
  const record = useMemo(() => {
    if (!eventId || event) return undefined;
    const r = findDirectRecord(broker, new Set(index.byId.keys()), eventId);
    return r ? recordEvent(r) : undefined;
  }, [broker, index, eventId, event]);
  const chain = useMemo(() => (eventId && event ? layoutCausalChain(index, eventId) : null), [index, eventId, event]);
  const titleId = useId();
  const shown = event ?? record;
  return (
    <section className="panel inspector" aria-labelledby={titleId}>
      <h2 id={titleId}>Inspector{shown ? `: ${shown.eventType}` : ''}</h2>
      {!eventId && (
        <p className="empty">
          Select an event (a box in the event store, a record on a topic, or a row of the event log) to see its envelope
          and what caused it.
        </p>
      )}
      {eventId && !shown && (
        <p className="empty">
          That event is neither in the event store nor on a topic at this step (it comes later, or retention or
          compaction removed its record).
        </p>
      )}
      {record && (
        <>
          <RecordEnvelope
            r={record}
            onSelect={onSelect}
            causeStored={
              record.causationId !== null &&
              (index.byId.has(record.causationId) ||
                findDirectRecord(broker, new Set(index.byId.keys()), record.causationId) !== undefined)
            }
          />
          <details className="cloud-event">
            <summary>CloudEvents 1.0 form</summary>
            <pre className="mono json" aria-label="The event as a CloudEvent, JSON">
              {json(recordToCloudEvent(record))}
            </pre>
          </details>
        </>
      )}
      {event && (
        <>
          <Envelope e={event} onSelect={onSelect} causeStored={index.byId.has(String(event.metadata?.causationId))} />
          {chain && <Chain model={chain} onSelect={onSelect} />}
          <details className="cloud-event">
            <summary>CloudEvents 1.0 form</summary>
            <pre className="mono json" aria-label="The event as a CloudEvent, JSON">
              {json(toCloudEvent(event))}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}

function Envelope({
  e,
  onSelect,
  causeStored,
}: {
  e: RecordedEvent;
  onSelect: (id: string) => void;
  causeStored: boolean;
}) {
  const m = e.metadata ?? {};
  const cause = m.causationId;
  return (
    <>
      <dl className="envelope">
        <dt>Event id</dt>
        <dd className="mono">{e.eventId}</dd>
        <dt>Type · schema</dt>
        <dd>
          {e.eventType} · v{e.schemaVersion ?? 1}
        </dd>
        <dt>Stream · revision</dt>
        <dd className="mono">
          {e.streamId} · r{e.revision}
        </dd>
        <dt>Global position</dt>
        <dd>#{e.position}</dd>
        <dt>Occurred at</dt>
        <dd className="mono">{isoTime(m.occurredAt)}</dd>
        <dt>Recorded at</dt>
        <dd className="mono">{isoTime(e.recordedAt)}</dd>
        <dt>Producer</dt>
        <dd>{text(m.producer)}</dd>
        {m.commandType !== undefined && (
          <>
            <dt>Command</dt>
            <dd>{text(m.commandType)}</dd>
          </>
        )}
        <dt>Correlation id</dt>
        <dd className="mono">{text(m.correlationId)}</dd>
        <dt>Causation id</dt>
        <dd className="mono">
          <CausationId cause={cause} causeStored={causeStored} onSelect={onSelect} />
          {cause && cause === m.commandId && <span className="dd-note"> (the command)</span>}
        </dd>
      </dl>
      <h3 className="inspector-sub">Data</h3>
      <pre className="mono json" aria-label="Event data, JSON">
        {json(e.data)}
      </pre>
      <SealedFields data={e.data} />
    </>
  );
}

/** A direct producer's event: only its record exists, so the envelope is the record's headers and value. */
function RecordEnvelope({
  r,
  onSelect,
  causeStored,
}: {
  r: RecordEvent;
  onSelect: (id: string) => void;
  causeStored: boolean;
}) {
  const cause = r.causationId;
  return (
    <>
      <p className="dd-note">
        Written by a producer straight to the topic: it is in no event store, and this envelope is read from the
        record's headers.
      </p>
      <dl className="envelope">
        <dt>Event id</dt>
        <dd className="mono">{r.eventId}</dd>
        <dt>Type · schema</dt>
        <dd>
          {r.eventType} · v{r.schemaVersion}
          {r.tombstone && ' (tombstone: the record has no value)'}
        </dd>
        <dt>Topic-partition @ offset</dt>
        <dd className="mono">
          {r.topic}-{r.partition} @ {r.offset}
        </dd>
        <dt>Key</dt>
        <dd className="mono">{r.key ?? '(none)'}</dd>
        <dt>Subject</dt>
        <dd className="mono">{text(r.subject)}</dd>
        <dt>Event store</dt>
        <dd>not stored (no stream, revision or global position)</dd>
        <dt>Produced at</dt>
        <dd className="mono">{isoTime(r.occurredAt)}</dd>
        <dt>Producer</dt>
        <dd>{text(r.producer)}</dd>
        <dt>Correlation id</dt>
        <dd className="mono">{text(r.correlationId)}</dd>
        <dt>Causation id</dt>
        <dd className="mono">
          <CausationId cause={cause} causeStored={causeStored} onSelect={onSelect} />
        </dd>
      </dl>
      <h3 className="inspector-sub">Data</h3>
      <pre className="mono json" aria-label="Event data, JSON">
        {json(r.data)}
      </pre>
      <SealedFields data={r.data} />
    </>
  );
}

function Chain({ model, onSelect }: { model: CausalChainModel; onSelect: (id: string) => void }) {
  const selected = model.nodes.find((n) => n.role === 'selected')!;
  const parents = model.nodes.filter((n) => n.role === 'ancestor' || n.role === 'origin');
  const children = model.nodes.filter((n) => n.role === 'child');
  const activate = (n: ChainNodeVM) => n.eventId && n.role !== 'selected' && onSelect(n.eventId);
  const onKey = (n: ChainNodeVM) => (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      activate(n);
    }
  };
  return (
    <div className="causal-chain">
      <h3 className="inspector-sub">Causal chain</h3>
      <p className="chain-summary">
        {parents.length
          ? `Caused by: ${parents.map((n) => n.label).join(' → ')}. `
          : 'Nothing in the store caused it. '}
        {children.length
          ? `It caused ${children.length}: ${children.map((n) => n.label).join(', ')}.`
          : 'It caused no stored event (yet).'}
      </p>
      <svg
        viewBox={`0 0 ${model.width} ${model.height}`}
        className="chain-svg"
        role="group"
        aria-label={`Causal chain of ${selected.label}`}
      >
        {model.edges.map((e) => (
          <path key={e.key} d={e.d} className="chain-edge" aria-hidden="true" />
        ))}
        {model.nodes.map((n) => {
          const clickable = n.eventId !== null && n.role !== 'selected';
          const relation =
            n.role === 'child'
              ? 'caused by this event'
              : n.role === 'ancestor'
                ? 'a cause of this event'
                : n.role === 'origin'
                  ? 'where the chain started'
                  : 'this event';
          return (
            <g
              key={n.key}
              className={`chain-node role-${n.role}${clickable ? ' is-clickable' : ''}`}
              role={clickable ? 'button' : 'img'}
              tabIndex={clickable ? 0 : undefined}
              aria-label={`${n.label} ${n.sub}, ${relation}`}
              aria-current={n.role === 'selected' ? 'true' : undefined}
              onClick={clickable ? () => activate(n) : undefined}
              onKeyDown={clickable ? onKey(n) : undefined}
            >
              <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={n.role === 'origin' ? 14 : 6} />
              {/* Long names are squeezed to fit, never cut: the visible text stays the accessible name. */}
              <text x={n.x + 8} y={n.y + 16} className="chain-label" {...fit(n.label, 20, n.width - 16)}>
                {n.label}
              </text>
              <text x={n.x + 8} y={n.y + 31} className="chain-sub" {...fit(n.sub, 25, n.width - 16)}>
                {n.sub}
              </text>
            </g>
          );
        })}
      </svg>
      {model.siblings.length > 0 && (
        <>
          <h4 className="inspector-sub">Same correlation id ({model.siblings.length} more)</h4>
          <ul className="siblings">
            {model.siblings.map((s) => (
              <li key={s.eventId}>
                <button type="button" className="link-button" onClick={() => onSelect(s.eventId)}>
                  {s.eventType} <span className="mono">#{s.position}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The causation id: a link to the event that caused this one when it can be inspected, else the id as text. */
function CausationId({
  cause,
  causeStored,
  onSelect,
}: {
  cause: unknown;
  causeStored: boolean;
  onSelect: (id: string) => void;
}) {
  if (typeof cause === 'string' && cause && causeStored) {
    return (
      <button
        type="button"
        className="link-button mono"
        onClick={() => onSelect(cause)}
        aria-label={`Causation id ${cause}: inspect the event that caused this one`}
      >
        {cause}
      </button>
    );
  }
  return <>{text(cause)}</>;
}
