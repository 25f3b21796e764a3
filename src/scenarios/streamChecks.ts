/**
 * Stream processors in a scenario (format/streams.ts): the references a schema cannot check — unique ids, topics
 * the topology declares, every stream step and expectation naming a processor that exists — and the stream
 * expectations checked against the world. Called by `references.ts` and `expectations.ts`.
 */
import { windowResults } from '../engine/streams';
import type { ScenarioIssue } from './scenarioIssue';
import type { ExpectationDef, ScenarioDef } from './schema';
import { toMs } from './steps/streams';
import type { World } from './world';

const KINDS = new Set(['run-stream-processor', 'restore-stream-store', 'window-result', 'late-dropped', 'join-output']);

export function streamReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const ps = s.topology.streamProcessors ?? [];
  const topics = new Set(s.topology.topics.map((t) => t.name));
  ps.forEach((p, i) => {
    const at = `topology.streamProcessors[${i}]`;
    if (ps.findIndex((x) => x.id === p.id) < i)
      issues.push({ path: `${at}.id`, message: `duplicate stream processor "${p.id}"` });
    const named = p.type === 'join' ? { stream: p.stream, table: p.table } : { source: p.source };
    for (const [field, t] of Object.entries({ ...named, ...(p.output ? { output: p.output } : {}) }))
      if (!topics.has(t))
        issues.push({ path: `${at}.${field}`, message: `there is no topic "${t}" in topology.topics` });
  });
  const ids = new Set(ps.map((p) => p.id));
  s.steps.forEach((step, i) => {
    const named = [
      { at: `steps[${i}].action.processor`, x: step.action },
      ...(step.expect ?? []).map((x, j) => ({ at: `steps[${i}].expect[${j}].processor`, x })),
    ];
    for (const { at, x } of named)
      if (KINDS.has(x.kind) && 'processor' in x && !ids.has(x.processor))
        issues.push({
          path: at,
          message: `there is no stream processor "${x.processor}" in topology.streamProcessors`,
        });
  });
  return issues;
}

type StreamExpectation = Extract<ExpectationDef, { kind: 'window-result' | 'late-dropped' | 'join-output' }>;

export function failedStreamExpectation(world: World, e: StreamExpectation): string[] {
  const s = world.streams?.[e.processor];
  switch (e.kind) {
    case 'window-result': {
      const start = toMs(e.windowStart);
      const w = s?.windowed ? windowResults(s.windowed).find((x) => x.key === e.key && x.start === start) : undefined;
      const value = w?.value ?? null;
      return value === e.value
        ? []
        : [`${e.processor}: window ${e.key}@${String(e.windowStart)} is ${value}, expected ${e.value}`];
    }
    case 'late-dropped': {
      const n = s?.windowed?.seen.filter((r) => r.outcome === 'dropped').length ?? 0;
      return n === e.count ? [] : [`${e.processor} dropped ${n} late record(s), expected ${e.count}`];
    }
    case 'join-output': {
      const outs = s?.outputs ?? [];
      const failures =
        outs.length === e.count ? [] : [`${e.processor} emitted ${outs.length} joined record(s), expected ${e.count}`];
      if (e.lastTable !== undefined && JSON.stringify(outs.at(-1)?.table) !== JSON.stringify(e.lastTable))
        failures.push(
          `${e.processor}'s last output has table side ${JSON.stringify(outs.at(-1)?.table)}, expected ${JSON.stringify(e.lastTable)}`,
        );
      return failures;
    }
  }
}
