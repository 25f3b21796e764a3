import type { ScenarioDef } from './schema';

/** What the start page shows of a scenario; kept small so the first screen loads fast. */
export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  level: ScenarioDef['level'];
  concepts: string[];
  steps: number;
  practice: boolean;
  /** A practice's summary until it is over (`practice.teaser`): the full one tells what the questions ask. */
  teaser?: string;
}

export const summaryOf = (s: ScenarioDef): ScenarioSummary => ({
  id: s.id,
  title: s.title,
  summary: s.summary,
  level: s.level,
  concepts: [...s.concepts],
  steps: s.steps.length,
  practice: !!s.practice,
  ...(s.practice?.teaser !== undefined ? { teaser: s.practice.teaser } : {}),
});
