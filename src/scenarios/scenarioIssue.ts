/** One thing wrong with a scenario document, at a JSON path. Its own file so the reference checks and the parser share it without importing each other. */
export interface ScenarioIssue {
  /** JSON path, e.g. `steps[3].action.topic`. */
  path: string;
  message: string;
}
