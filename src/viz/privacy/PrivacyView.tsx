import { useId, useMemo } from 'react';
import { copiesOf } from '../../scenarios/steps/privacy';
import { EMPTY_KEY_STORE } from '../../engine/privacy';
import { useRun } from '../../state/react';
import { copyRows, keyRows, type CopyRow, type FieldView } from './privacyRows';
import './privacy.css';

/**
 * Erasure by crypto-shredding (`topology.privacy`): the key store as a table, and for each subject every copy of
 * their personal fields — in the event store, on topics, in read models and in backups — each field readable,
 * 🔒 shredded, or plaintext (which no key covers).
 */
export function PrivacyView() {
  const def = useRun((s) => s.scenario.topology.privacy);
  const topics = useRun((s) => s.scenario.topology.topics);
  const world = useRun((s) => s.world);
  const titleId = useId();
  const view = useMemo(() => {
    if (!def) return null;
    const store = world.privacy?.keys ?? EMPTY_KEY_STORE;
    const live = copiesOf(
      world,
      topics.map((t) => t.name),
    );
    const backups = Object.values(world.privacy?.backups ?? {});
    const keys = keyRows(store);
    const subjects = [...new Set(keys.map((k) => k.subject))];
    return {
      keys,
      subjects: subjects.map((s) => ({ subject: s, rows: copyRows(store, s, live, backups, def.personalFields) })),
    };
  }, [def, topics, world]);
  if (!def || !view) return null;
  return (
    <section className="panel privacy-view" aria-labelledby={titleId}>
      <h2 id={titleId}>Personal data and the key store</h2>
      <p className="privacy-note">
        Personal fields ({def.personalFields.join(', ')}) are encrypted with the rider’s own key before an event is
        written. Each copy below is read through the key store: readable while the key exists, 🔒 shredded once it is
        deleted. Plaintext copies are marked: no key covers them. (The run’s cipher is a toy standing in for envelope
        encryption such as AES-GCM.)
      </p>
      <table className="privacy-table">
        <caption>{def.label ?? `Key store ${def.keyStore}`}</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Subject</th>
            <th scope="col">State</th>
            <th scope="col">Fields encrypted</th>
          </tr>
        </thead>
        <tbody>
          {view.keys.length === 0 ? (
            <tr>
              <td colSpan={4}>No key yet.</td>
            </tr>
          ) : (
            view.keys.map((k) => (
              <tr key={k.keyId} className={k.state === 'deleted' ? 'privacy-deleted' : undefined}>
                <td>{k.keyId}</td>
                <td>{k.subject}</td>
                <td>{k.state === 'deleted' ? '🔒 deleted' : 'active'}</td>
                <td>{k.sealed}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {view.subjects.map(({ subject, rows }) => (
        <CopiesTable key={subject} subject={subject} rows={rows} />
      ))}
    </section>
  );
}

function CopiesTable({ subject, rows }: { subject: string; rows: readonly CopyRow[] }) {
  return (
    <table className="privacy-table">
      <caption>
        Copies of {subject}’s personal fields ({rows.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">Personal fields</th>
          <th scope="col">Other fields</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.where}>
            <th scope="row">{r.where}</th>
            <td>
              {r.fields.map((f) => (
                <Field key={f.field} f={f} />
              ))}
            </td>
            <td>{r.others.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Field({ f }: { f: FieldView }) {
  const label =
    f.reads === 'shredded'
      ? `${f.field}: shredded`
      : f.reads === 'plaintext'
        ? `${f.field}: ${f.text}, plaintext`
        : `${f.field}: ${f.text}, decrypted`;
  return (
    <span className={`privacy-field privacy-${f.reads}`} aria-label={label}>
      {f.field}: {f.text}
      {f.reads === 'plaintext' ? ' ⚠ plaintext' : ''}
    </span>
  );
}
