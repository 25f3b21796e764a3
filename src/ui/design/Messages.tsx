import type { LintFinding } from '../../scenarios/lint/types';

interface Props {
  issues: readonly { path: string; message: string }[];
  findings: readonly LintFinding[];
  id?: string;
}

/** Validation problems and design findings shown right under the field they concern. */
export function Messages({ issues, findings, id }: Props) {
  if (issues.length === 0 && findings.length === 0) return null;
  return (
    <ul className="d-msgs" id={id}>
      {issues.map((i, k) => (
        <li key={`i${k}`} className="d-msg d-problem">
          <strong>Problem</strong> {i.message}
        </li>
      ))}
      {findings.map((f, k) => (
        <li key={`f${k}`} className={`d-msg lint-${f.severity}`}>
          <strong>
            {f.severity === 'error' ? 'Design error' : f.severity === 'warning' ? 'Design warning' : 'Design note'}
          </strong>{' '}
          {f.message} <em>Fix: {f.fix}</em>
        </li>
      ))}
    </ul>
  );
}
