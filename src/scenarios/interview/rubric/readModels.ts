/**
 * Rubric point "a read model for each app's screens": each screen the prompt names needs a
 * projection that handles every event the screen must show (the events are the grading key's).
 */
import { list } from '../../compare/points';
import type { ScenarioDef } from '../../schema';
import { capitalize, STUDY } from '../study';
import type { RubricResult, ScreenKey } from '../types';

export function readModelsPoint(s: ScenarioDef, screens: readonly ScreenKey[]): RubricResult {
  const base = {
    id: 'read-models' as const,
    title: "A read model for each app's screens",
    study: STUDY['read-models'],
  };
  const projections = s.topology.projections ?? [];
  const served: string[] = [];
  const missing: string[] = [];
  const used = new Set<string>();
  for (const screen of screens) {
    // Each screen its own read model: one already serving another screen does not count twice.
    const p = projections.find(
      (pr) => !used.has(pr.name) && screen.events.every((e) => pr.on.some((h) => h.eventType === e)),
    );
    if (p) {
      used.add(p.name);
      served.push(`the ${screen.app}'s ${screen.screen} reads ${p.name}`);
      continue;
    }
    const best = projections
      .filter((pr) => !used.has(pr.name))
      .map((pr) => ({ pr, lacks: screen.events.filter((e) => !pr.on.some((h) => h.eventType === e)) }))
      .sort((a, b) => a.lacks.length - b.lacks.length)[0];
    missing.push(
      best && best.lacks.length < screen.events.length
        ? `the ${screen.app}'s ${screen.screen} (${best.pr.name} does not handle ${list(best.lacks)})`
        : `the ${screen.app}'s ${screen.screen} (no read model of its own handles ${list(screen.events)})`,
    );
  }
  if (missing.length === 0)
    return { ...base, pass: true, feedback: `${capitalize(list(served))}: each screen reads rows kept for it.` };
  return { ...base, pass: false, feedback: `Nothing serves ${list(missing)}.` };
}
