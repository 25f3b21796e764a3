import { Fragment, useId } from 'react';
import { useRun } from '../../state/react';
import {
  layoutMirror,
  type Cell,
  type FlowInfo,
  type Mark,
  type RegionColumn,
  type ServiceInfo,
  type TopicRow,
} from './mirrorLayout';
import './mirror.css';

const MARK_WORDS: Record<Mark['kind'], string> = {
  committed: 'committed',
  checkpoint: 'checkpoint',
  'true-position': 'true position',
};

const markText = (m: Mark) => `${m.service} ${MARK_WORDS[m.kind]}`;

/** Two regions side by side (`topology.mirror`): topics by offset, copies, marks, syncs, checkpoints, services. */
export function MirrorView() {
  const has = useRun((s) => !!s.scenario.topology.mirror);
  const state = useRun((s) => s.world.mirror);
  const titleId = useId();
  if (!has) return null;
  if (!state)
    return (
      <section className="panel mirror-view" aria-labelledby={titleId}>
        <h2 id={titleId}>Two regions</h2>
        <p className="mirror-note">Nothing has happened in either region yet.</p>
      </section>
    );
  const { regions, flows, services } = layoutMirror(state);
  return (
    <section className="panel mirror-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Two regions</h2>
      <div className="mirror-regions">
        {regions.map((r) => (
          <RegionPanel key={r.alias} region={r} />
        ))}
      </div>
      <p className="mirror-note">
        Each box is a record at its offset; a copy says where it came from (us 3 = offset 3 in us). Tags: a service’s
        committed offset (the next record it reads), its checkpoint, and — known to this run, not to MirrorMaker 2 — the
        true position its checkpoint stands for.
      </p>
      {flows.map((f) => (
        <FlowPanel key={`${f.source}-${f.target}`} flow={f} />
      ))}
      {services.length > 0 && <ServicesTable services={services} />}
    </section>
  );
}

function RegionPanel({ region }: { region: RegionColumn }) {
  const id = useId();
  return (
    <section className={`mirror-region${region.down ? ' mirror-down' : ''}`} aria-labelledby={id}>
      <h3 id={id}>
        Region {region.alias}
        {region.down && (
          <>
            {' '}
            <span className="mirror-badge">down</span>
          </>
        )}
      </h3>
      {region.topics.map((t) => (
        <TopicLine key={t.topic} region={region.alias} row={t} />
      ))}
    </section>
  );
}

function TopicLine({ region, row }: { region: string; row: TopicRow }) {
  const id = useId();
  return (
    <div className="mirror-topic" role="group" aria-labelledby={id}>
      <p id={id} className="mirror-topic-name">
        {row.topic}
        {row.source ? ` (copy of ${row.source})` : ''}
        <span className="mirror-range">
          {' '}
          {row.logEnd > row.logStart ? `offsets ${row.logStart}–${row.logEnd - 1}` : 'empty'}
          {row.logStart > 0 ? `; 0–${row.logStart - 1} deleted by retention` : ''}
        </span>
      </p>
      <ol className="mirror-log" aria-label={`${row.topic} in ${region}`}>
        {row.cells.map((c) => (
          <RecordBox key={c.offset} cell={c} />
        ))}
        <li className="mirror-cell mirror-next" aria-label={`next offset ${row.logEnd}${marksLabel(row.endMarks)}`}>
          <span className="mirror-offset">{row.logEnd}</span>
          <span className="mirror-id">next</span>
          <Marks marks={row.endMarks} />
        </li>
      </ol>
    </div>
  );
}

const marksLabel = (marks: readonly Mark[]) => (marks.length ? `; ${marks.map(markText).join(', ')}` : '');

function RecordBox({ cell }: { cell: Cell }) {
  const label = `offset ${cell.offset}: ${cell.eventId ?? 'a record'}${cell.from ? `, copied from ${cell.from.region} offset ${cell.from.offset}` : ''}${marksLabel(cell.marks)}`;
  return (
    <li className="mirror-cell" aria-label={label}>
      <span className="mirror-offset">{cell.offset}</span>
      <span className="mirror-id">{cell.eventId ?? '·'}</span>
      {cell.from && (
        <span className="mirror-from">
          {cell.from.region} {cell.from.offset}
        </span>
      )}
      <Marks marks={cell.marks} />
    </li>
  );
}

function Marks({ marks }: { marks: readonly Mark[] }) {
  if (marks.length === 0) return null;
  return (
    <span className="mirror-marks" aria-hidden="true">
      {marks.map((m) => (
        <span key={`${m.kind}-${m.service}`} className={`mirror-mark mirror-mark-${m.kind}`}>
          {markText(m)}
        </span>
      ))}
    </span>
  );
}

function FlowPanel({ flow }: { flow: FlowInfo }) {
  const id = useId();
  if (flow.syncs.length === 0 && flow.checkpoints.length === 0) return null;
  return (
    <section className="mirror-flow" aria-labelledby={id}>
      <h3 id={id}>
        MirrorMaker 2, {flow.source} → {flow.target}
      </h3>
      <p>
        Offset syncs ({flow.source} offset ↔ {flow.target} offset) in {flow.syncsTopic}, a topic in {flow.source}:{' '}
        {flow.syncs
          .map((x) => `${x.topic} ${x.syncs.map((s) => `${s.upstream} ↔ ${s.downstream}`).join(', ')}`)
          .join('; ') || 'none'}
        {flow.kept.length > 0 &&
          ` · kept back until the task's offset commit: ${flow.kept.map((k) => `${k.sync.upstream} ↔ ${k.sync.downstream}`).join(', ')}`}
      </p>
      {flow.checkpoints.length > 0 && (
        <table className="mirror-table">
          <caption>
            Checkpoints in {flow.checkpointsTopic} (in {flow.target})
          </caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Topic</th>
              <th scope="col">Offset in {flow.source}</th>
              <th scope="col">Translated, in {flow.target}</th>
            </tr>
          </thead>
          <tbody>
            {flow.checkpoints.map((c, i) => (
              <tr key={i}>
                <td>{c.service}</td>
                <td>{c.topic}</td>
                <td>{c.upstream}</td>
                <td>{c.downstream}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ServicesTable({ services }: { services: readonly ServiceInfo[] }) {
  return (
    <table className="mirror-table">
      <caption>Services: what each processed, in order</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Processed</th>
          <th scope="col">Seen twice</th>
          <th scope="col">Rows</th>
        </tr>
      </thead>
      <tbody>
        {services.map((s) => (
          <tr key={s.service}>
            <th scope="row">{s.service}</th>
            <td>
              {s.processed.map((p, i) => (
                <Fragment key={i}>
                  {i === 0 || s.processed[i - 1]!.region !== p.region ? `${i > 0 ? '; ' : ''}in ${p.region}: ` : ', '}
                  <span className={p.duplicate ? 'mirror-dup' : undefined} title={p.where}>
                    {p.eventId ?? '·'}
                    {p.duplicate ? (p.skipped ? ' (again, skipped)' : ' (again)') : ''}
                  </span>
                </Fragment>
              ))}
            </td>
            <td>{s.duplicates}</td>
            <td>{s.rows.map(([k, v]) => `${k}: ${v}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
