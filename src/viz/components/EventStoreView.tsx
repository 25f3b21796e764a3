import { useId, useMemo, useState } from 'react';
import { useRun } from '../../state/react';
import type { RunState } from '../../state/runStore';
import { useAggregateState, type AggregateStateView } from '../../state/selectors';
import { layoutEventStore, type LaneVM } from '../layout/eventStoreLayout';
import { formatValue } from '../layout/formatValue';
import { useReducedMotion } from './useReducedMotion';
import { useStagedReadSide } from './useStagedReadSide';
import './views.css';

export interface EventStoreViewProps {
  /** The event shown in the inspector, outlined here; its stream's state is shown unless a lane was picked. */
  selectedEventId?: string | null;
  /** Called when the learner picks an event box. */
  onSelectEvent?: (eventId: string) => void;
}

const NO_AGGREGATES: never[] = [];

/**
 * Whether the scenario has aggregates: the view draws only aggregate streams, so without any it draws
 * nothing. Checked before following the step's stages: a topic-only scenario's events (every publish is
 * stored) would otherwise be laid out on every stage tick of a 1,000-record poll for nothing.
 */
const hasAggregates = (s: RunState): boolean => (s.scenario.topology.aggregates?.length ?? 0) > 0;

/** The write side: streams per aggregate, each event with its revision and global position, and one aggregate's state. */
export function EventStoreView(props: EventStoreViewProps) {
  return useRun(hasAggregates) ? <EventStoreBody {...props} /> : null;
}

function EventStoreBody({ selectedEventId = null, onSelectEvent }: EventStoreViewProps) {
  // While the step plays, its new events appear at the store stage.
  const staged = useStagedReadSide();
  const { log, effects } = staged;
  const snapshots = useRun((s) => s.world.snapshots);
  const aggregates = useRun((s) => s.scenario.topology.aggregates ?? NO_AGGREGATES);
  const reduced = useReducedMotion();
  const model = useMemo(
    () => layoutEventStore({ events: log.events, positions: log.positions, aggregates, snapshots, effects }),
    [log, aggregates, snapshots, effects],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const selectedStream = selectedEventId
    ? (log.events.find((e) => e.eventId === selectedEventId)?.streamId ?? null)
    : null;
  const isAggregateStream = (id: string | null) =>
    id !== null && aggregates.some((a) => id.startsWith(a.streamPrefix)) && Object.hasOwn(log.positions, id);
  const shown = [picked, selectedStream, model.defaultStream].find(isAggregateStream) ?? null;
  const state = useAggregateState(shown);
  const titleId = useId();
  if (!model.hasAggregateEvents) return null;

  const pick = (streamId: string, eventId?: string) => {
    setPicked(streamId);
    if (eventId) onSelectEvent?.(eventId);
  };
  return (
    <section
      className={`panel event-store${staged.storing ? ' is-storing' : ''}`}
      aria-labelledby={titleId}
      data-motion={reduced ? 'reduced' : 'full'}
      data-stage={staged.kind}
    >
      <h2 id={titleId}>Event store</h2>
      <p className="view-legend">
        One lane per stream. Each box is an event: <strong>r</strong> is its revision in the stream, <strong>#</strong>{' '}
        its global position in the store (head: #{model.head}). Outlined boxes were stored in this step;{' '}
        <span aria-hidden="true">▣</span> marks a snapshot.
      </p>
      <div className="store-body">
        <div className="store-lanes">
          {model.groups.map((g) => (
            <div key={g.label} className="lane-group">
              <h3>{g.aggregateType ? `${g.label} streams` : g.label}</h3>
              {g.lanes.map((lane) => (
                <Lane
                  key={lane.streamId}
                  lane={lane}
                  shown={lane.streamId === shown}
                  selectedEventId={selectedEventId}
                  onPick={pick}
                />
              ))}
            </div>
          ))}
        </div>
        {state && <AggregatePanel state={state} />}
      </div>
    </section>
  );
}

interface LaneProps {
  lane: LaneVM;
  shown: boolean;
  selectedEventId: string | null;
  onPick: (streamId: string, eventId?: string) => void;
}

function Lane({ lane, shown, selectedEventId, onPick }: LaneProps) {
  const count = lane.lastRevision + 1;
  return (
    <div className={`lane${shown ? ' is-shown' : ''}${lane.touched ? ' is-touched' : ''}`}>
      {lane.aggregateType ? (
        <button
          type="button"
          className="lane-head"
          aria-pressed={shown}
          onClick={() => onPick(lane.streamId)}
          title="Show this aggregate's state"
        >
          <span className="mono">{lane.streamId}</span>
          <span className="lane-sub">
            {count} {count === 1 ? 'event' : 'events'} · at r{lane.lastRevision}
          </span>
        </button>
      ) : (
        <div className="lane-head">
          <span className="mono">{lane.streamId}</span>
          <span className="lane-sub">
            {count} {count === 1 ? 'event' : 'events'}
          </span>
        </div>
      )}
      <ol className="lane-events" aria-label={`Stream ${lane.streamId}, in revision order`}>
        {lane.hiddenBefore > 0 && <li className="lane-more">{lane.hiddenBefore} earlier…</li>}
        {lane.events.map((e) => {
          return (
            <li key={e.eventId}>
              <button
                type="button"
                className={`store-event${e.isNew ? ' is-new' : ''}${e.snapshot ? ' has-snapshot' : ''}${e.eventId === selectedEventId ? ' is-selected' : ''}`}
                title={`${e.eventType}: revision ${e.revision} of ${lane.streamId}, global position ${e.position}. Select to inspect.`}
                aria-current={e.eventId === selectedEventId ? 'true' : undefined}
                onClick={() => onPick(lane.streamId, e.eventId)}
              >
                <span className="store-event-top">
                  <span>r{e.revision}</span>
                  <span className="visually-hidden"> </span>
                  <span>#{e.position}</span>
                </span>
                <span className="visually-hidden"> </span>
                <span className="store-event-type">{e.eventType}</span>
                {e.isNew && <span className="visually-hidden">, stored in this step</span>}
                {e.snapshot && <span className="visually-hidden">, snapshot taken here</span>}
                {(e.isNew || e.snapshot) && (
                  <span className="store-event-tags" aria-hidden="true">
                    {e.isNew && <span className="tag-new">new</span>}
                    {e.snapshot && <span className="tag-snap">▣ snapshot</span>}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function AggregatePanel({ state }: { state: AggregateStateView }) {
  const how =
    state.fromSnapshot !== null
      ? `loaded from the snapshot at r${state.fromSnapshot}, then ${state.eventsRead} later ${state.eventsRead === 1 ? 'event' : 'events'} folded`
      : `${state.eventsRead} ${state.eventsRead === 1 ? 'event' : 'events'} folded from r0`;
  return (
    <div className="aggregate-state">
      <table>
        <caption>
          {state.aggregateType} <span className="mono">{state.aggregateId}</span> at revision {state.revision}
          <span className="caption-desc">{how}</span>
        </caption>
        <tbody>
          <tr>
            <th scope="row">status</th>
            <td>
              <strong>{state.status}</strong>
            </td>
          </tr>
          {state.fields.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{formatValue(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
