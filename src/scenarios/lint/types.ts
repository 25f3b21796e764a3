/** One finding of the event-design linter, shown next to what it concerns. */
export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** The rule's id, e.g. `event-past-tense`. */
  rule: string;
  severity: LintSeverity;
  /** JSON path of what the finding concerns (same format as import issues). */
  path: string;
  /** A short explanation of the problem. */
  message: string;
  /** A suggested fix. */
  fix: string;
}
