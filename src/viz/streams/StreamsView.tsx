import { useId } from 'react';
import { changelogTopic, compacted, type ProcessorState } from '../../engine/streams';
import type { ScenarioDef } from '../../scenarios/schema';
import { useRun } from '../../state/react';
import { joinRows } from './joinRows';
import { LEFT, layoutWindows } from './windowLayout';
import './streams.css';

type Spec = NonNullable<ScenarioDef['topology']['streamProcessors']>[number];

/** Stream processors (`topology.streamProcessors`) that have run: windows on an event-time axis, or a join's output. */
export function StreamsView() {
  const specs = useRun((s) => s.scenario.topology.streamProcessors);
  const states = useRun((s) => s.world.streams);
  const titleId = useId();
  const ran = (specs ?? []).filter((p) => states?.[p.id]);
  if (!specs?.length) return null;
  return (
    <section className="panel streams-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Stream processors</h2>
      {ran.length === 0 && (
        <p className="streams-note">None has run yet: each processes what is new when a step runs it.</p>
      )}
      {ran.some((p) => p.type === 'windowed') && (
        <p className="streams-note">
          ● a record at its event time (hollow: late for one of its windows) · ✕ a late record dropped · bands: windows
          with their count · dashed line: stream time (the largest event time seen) · dotted: stream time − grace,
          windows ending there or before are closed.
        </p>
      )}
      {ran.map((p) =>
        p.type === 'windowed' ? (
          <WindowsFigure key={p.id} spec={p} state={states![p.id]!} />
        ) : (
          <JoinTable key={p.id} spec={p} state={states![p.id]!} />
        ),
      )}
    </section>
  );
}

const windowWords = (p: Extract<Spec, { type: 'windowed' }>) => {
  const w = p.window;
  const s = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);
  const kind =
    w.type === 'tumbling'
      ? `tumbling ${s(w.sizeMs)} windows`
      : w.type === 'hopping'
        ? `hopping ${s(w.sizeMs)} windows every ${s(w.advanceMs)}`
        : `session windows, ${s(w.gapMs)} gap`;
  return `${kind}, grace ${s(p.graceMs)}, by event time`;
};

function WindowsFigure({ spec, state }: { spec: Extract<Spec, { type: 'windowed' }>; state: ProcessorState }) {
  const capId = useId();
  const descId = useId();
  if (!state.windowed) return null;
  const l = layoutWindows(state.windowed, spec, 720);
  const store = state.windowed.store;
  return (
    <figure className="streams-figure">
      <figcaption id={capId}>
        <strong>{spec.title}</strong> ({spec.id}): {windowWords(spec)}
      </figcaption>
      <svg
        viewBox={`0 0 ${l.width} ${l.height}`}
        role="img"
        aria-labelledby={capId}
        aria-describedby={descId}
        className="streams-axis"
      >
        {l.lanes.map((lane) => (
          <g key={lane.key}>
            <line
              className="lane-line"
              x1={LEFT}
              x2={l.width - 16}
              y1={lane.y + lane.height - 12}
              y2={lane.y + lane.height - 12}
            />
            <text className="lane-key" x={LEFT - 8} y={lane.y + lane.height / 2} textAnchor="end">
              {lane.key}
            </text>
          </g>
        ))}
        {l.bands.map((b) => (
          <g key={b.label} className="window-band">
            <title>{b.label}</title>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={3} />
            <text x={b.x + 4} y={b.y + b.height / 2 + 4}>
              {b.value}
            </text>
          </g>
        ))}
        {l.marks.map((m, i) => (
          <g key={i} className={`record-mark is-${m.outcome}`}>
            <title>{m.label}</title>
            {m.outcome === 'dropped' ? (
              <path d={`M${m.x - 5},${m.y - 5} L${m.x + 5},${m.y + 5} M${m.x - 5},${m.y + 5} L${m.x + 5},${m.y - 5}`} />
            ) : (
              <circle cx={m.x} cy={m.y} r={5} />
            )}
            {(m.outcome === 'dropped' || m.outcome === 'partly') && (
              <text x={m.x} y={m.y + 17} textAnchor="middle">
                {m.outcome === 'dropped' ? 'late, dropped' : 'late for 1 window'}
              </text>
            )}
          </g>
        ))}
        {l.lines.map((t) => (
          <g key={t.label} className={`time-line is-${t.kind}`}>
            <line x1={t.x} x2={t.x} y1={14} y2={t.kind === 'stream-time' ? l.axisY : l.axisY + 22} />
            {t.kind === 'stream-time' ? (
              <text x={t.x} y={10} textAnchor={t.x > l.width - 150 ? 'end' : 'start'}>
                {t.label.replace(/ \(task \d+\)$/, '')}
              </text>
            ) : (
              <text x={t.x} y={l.axisY + 34} textAnchor={t.x < 180 ? 'start' : 'end'}>
                {t.label}
              </text>
            )}
          </g>
        ))}
        <line className="axis" x1={LEFT} x2={l.width - 16} y1={l.axisY} y2={l.axisY} />
        {l.ticks.map((t) => (
          <text key={t.label} className="tick" x={t.x} y={l.axisY + 16} textAnchor={t.anchor}>
            {t.label}
          </text>
        ))}
      </svg>
      <p id={descId} className="streams-summary">
        {l.summary}
      </p>
      <p className="streams-note">
        State store {store.name}: {Object.keys(store.entries).length} entries. Its changelog topic,{' '}
        {changelogTopic(spec.id, store.name)}, holds {store.changelog.length} records (every update
        {spec.window.type === 'session' ? ', tombstones for merged sessions' : ''}); compaction would keep{' '}
        {compacted(store.changelog).length}, the latest per key — what a new instance replays to restore the store.
      </p>
    </figure>
  );
}

function JoinTable({ spec, state }: { spec: Extract<Spec, { type: 'join' }>; state: ProcessorState }) {
  const rows = joinRows(state);
  return (
    <figure className="streams-figure">
      <figcaption>
        <strong>{spec.title}</strong> ({spec.id}): {spec.stream} ⋈ {spec.table} ({spec.join} join)
      </figcaption>
      {state.refused ? (
        <p className="streams-refused" role="status">
          Refused to start: {state.refused.replace(/^Not started: /, '')}
        </p>
      ) : (
        <div className="streams-tables">
          <table>
            <caption>Joined records: {rows.outputs.length} (stream record + table row as it was then → output)</caption>
            <thead>
              <tr>
                <th scope="col">key</th>
                <th scope="col">processed</th>
                <th scope="col">{spec.stream}</th>
                <th scope="col">{spec.table} row then</th>
              </tr>
            </thead>
            <tbody>
              {rows.outputs.map((o, i) => (
                <tr key={i}>
                  <td>{o.key}</td>
                  <td>{o.at}</td>
                  <td>{o.stream}</td>
                  <td>{o.table}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>
              The {spec.table} table now: {rows.table.length} rows (latest value per key)
            </caption>
            <thead>
              <tr>
                <th scope="col">key</th>
                <th scope="col">value</th>
              </tr>
            </thead>
            <tbody>
              {rows.table.map((r) => (
                <tr key={r.key}>
                  <td>{r.key}</td>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
