import { useId } from 'react';
import { upgradeOrder, type RecordSchema, type RegistryClients, type Subject } from '../../engine/registry';
import { useRun } from '../../state/react';
import './registry.css';

/** A field as a reader sees it in a schema: name, type, default and aliases. */
const fieldText = (s: RecordSchema) =>
  s.fields
    .map(
      (f) =>
        `${f.name}: ${f.type}${f.default !== undefined ? ` = ${JSON.stringify(f.default)}` : ''}${
          f.aliases?.length ? ` (alias ${f.aliases.join(', ')})` : ''
        }`,
    )
    .join(', ');

/** The schema registry (`topology.registry`): each subject's mode, versions and last refusal; its readers. */
export function RegistryView() {
  const def = useRun((s) => s.scenario.topology.registry);
  const reg = useRun((s) => s.world.registry);
  const titleId = useId();
  if (!def) return null;
  return (
    <section className="panel registry-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Schema registry</h2>
      {def.subjects.map((d) => (
        <SubjectPanel
          key={d.name}
          name={d.name}
          subject={reg?.state.subjects[d.name] ?? { mode: d.mode ?? 'BACKWARD', versions: [] }}
          clients={reg}
        />
      ))}
    </section>
  );
}

function SubjectPanel({ name, subject, clients }: { name: string; subject: Subject; clients?: RegistryClients }) {
  const headingId = useId();
  const records = clients?.records[name] ?? [];
  const readers = Object.entries(clients?.readers ?? {}).filter(([, r]) => r.subject === name);
  return (
    <section className="registry-subject" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name} <span className="registry-mode">{subject.mode}</span>
      </h3>
      <p className="registry-order">Deploy order: {upgradeOrder(subject.mode)}.</p>
      {subject.versions.length === 0 ? (
        <p className="registry-order">
          {records.length > 0 && records.every((r) => r.format === 'json')
            ? 'No schema registered: its records are plain JSON, checked by nobody.'
            : 'No schema registered.'}
        </p>
      ) : (
        <table className="registry-table">
          <caption>Versions of {name}</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Schema id</th>
              <th scope="col">Fields</th>
            </tr>
          </thead>
          <tbody>
            {subject.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{v.id}</td>
                <td>{fieldText(v.schema)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {subject.lastRefusal && (
        <div className="registry-refusal" role="group" aria-label={`Last refusal in ${name}`}>
          <p>
            <strong>Last refusal:</strong> {fieldText(subject.lastRefusal.schema)}
          </p>
          <p>{subject.lastRefusal.reason}</p>
        </div>
      )}
      {(records.length > 0 || readers.length > 0) && (
        <p className="registry-clients">
          {records.length} record{records.length === 1 ? '' : 's'} written
          {records.length > 0 &&
            ` (${records.map((r) => (r.format === 'json' ? `JSON ${r.bytes} B` : `id ${r.schemaId}, ${r.bytes} B`)).join('; ')})`}
          {readers.map(([c, r]) => (
            <span key={c}>
              {' · '}
              {c} has read {r.position}
              {r.failed ? `, stuck: ${r.failed}` : ''}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
