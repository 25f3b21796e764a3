import { useRunChrome } from '../state/react';

/** Where this run came from (for a branch) and the other branches of the scenario. */
export function BranchesPanel() {
  const { branches, parent } = useRunChrome();
  if (!parent && branches.length === 0) return null;
  return (
    <nav className="panel branches" aria-labelledby="branches-title">
      <h2 id="branches-title">Branches</h2>
      {parent && (
        <p>
          This is a branch: it follows the scenario up to <a href={parent.href}>{parent.title}</a>, then your action.
          The original is unchanged.
        </p>
      )}
      {branches.length > 0 && (
        <ul>
          {branches.map((b) => (
            <li key={b.runId}>
              {b.current ? <strong aria-current="page">{b.title} (this one)</strong> : <a href={b.href}>{b.title}</a>}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
