import type { SwitchResult } from '../../scenarios/switchProfile';

/** What does not exist on the target broker, and the steps that could not carry over: always on screen. */
export function NotesPanel({ result, broker }: { result: SwitchResult; broker: string }) {
  return (
    <aside className="switch-notes" aria-labelledby="switch-notes-title">
      <h2 id="switch-notes-title">What does not exist on {broker}</h2>
      {result.notes.length === 0 ? (
        <p className="switch-muted">This scenario uses nothing that {broker} lacks.</p>
      ) : (
        <ul>
          {result.notes.map((n) => (
            <li key={n.concept}>
              <strong>{n.concept}: </strong>
              {n.text}
            </li>
          ))}
        </ul>
      )}
      {result.untranslated.length > 0 && (
        <>
          <h3>Steps that cannot carry over ({result.untranslated.length})</h3>
          <ul>
            {result.untranslated.map((u) => (
              <li key={u.step}>
                <strong>
                  Step {u.step}, {u.title}:{' '}
                </strong>
                {u.why}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
