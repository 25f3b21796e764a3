/**
 * Tracing in a scenario (format/tracing.ts): the references a schema cannot check — uninstrumented clients that
 * exist, tracing expectations only when tracing is on, groups the topology has — and the tracing expectations
 * checked against the world: a record's trace, how two records' ids relate, an alert. Called by `references.ts`
 * and `expectations.ts`.
 */
import * as broker from '../engine/broker';
import { alertFigures, buildTrace, parseTraceparent, TRACEPARENT, traceOfRecord } from '../engine/tracing';
import type { ScenarioIssue } from './scenarioIssue';
import type { ExpectationDef, ScenarioDef } from './schema';
import type { World } from './world';

const KINDS = new Set(['trace', 'record-context', 'alert']);

export function tracingReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const t = s.topology.tracing;
  const groups = new Set(s.topology.groups.map((g) => g.id));
  const clients = new Set([
    ...groups,
    ...s.topology.producers.map((p) => p.id),
    ...(s.topology.services ?? []).map((x) => x.id),
  ]);
  t?.untraced.forEach((id, i) => {
    if (!clients.has(id))
      issues.push({
        path: `topology.tracing.untraced[${i}]`,
        message: `there is no producer, group or service "${id}"`,
      });
  });
  s.steps.forEach((step, i) =>
    (step.expect ?? []).forEach((x, j) => {
      if (!KINDS.has(x.kind)) return;
      if (!t) issues.push({ path: `steps[${i}].expect[${j}]`, message: `"${x.kind}" needs topology.tracing` });
      if (x.kind === 'alert' && !groups.has(x.group))
        issues.push({ path: `steps[${i}].expect[${j}].group`, message: `there is no consumer group "${x.group}"` });
    }),
  );
  return issues;
}

type TracingExpectation = Extract<ExpectationDef, { kind: 'trace' | 'record-context' | 'alert' }>;

const recordAt = (world: World, r: { topic: string; partition: number; offset: number }) =>
  world.broker.topics[r.topic] && r.partition < world.broker.topics[r.topic]!.partitions.length
    ? broker.recordsOf(world.broker, r.topic, r.partition).find((x) => x.offset === r.offset)
    : undefined;

const at = (r: { topic: string; partition: number; offset: number }) => `${r.topic}-${r.partition}@${r.offset}`;

export function failedTracingExpectation(world: World, e: TracingExpectation, s: ScenarioDef): string[] {
  const fail: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) fail.push(message);
  };
  const spans = world.tracing?.state.spans ?? [];
  switch (e.kind) {
    case 'trace': {
      const send = traceOfRecord(spans, e.topic, e.partition, e.offset);
      if (!send) return [`no send span was recorded for ${at(e)}`];
      const t = buildTrace(spans, send.traceId);
      check(t.rows.length === e.spans, `${at(e)}'s trace has ${t.rows.length} span(s), expected ${e.spans}`);
      const depth = Math.max(...t.rows.map((r) => r.depth));
      if (e.depth !== undefined) check(depth === e.depth, `${at(e)}'s trace is ${depth} deep, expected ${e.depth}`);
      const errors = t.rows.filter((r) => r.span.status === 'error').length;
      if (e.errors !== undefined)
        check(errors === e.errors, `${at(e)}'s trace has ${errors} error span(s), expected ${e.errors}`);
      return fail;
    }
    case 'record-context': {
      const a = recordAt(world, e);
      const b = recordAt(world, e.of);
      if (!a || !b) return [`no record at ${a ? at(e.of) : at(e)}`];
      const ca = parseTraceparent(a.headers[TRACEPARENT]);
      const cb = parseTraceparent(b.headers[TRACEPARENT]);
      check((ca !== null) === e.traceparent, `${at(e)} ${ca ? 'has' : 'has no'} valid traceparent`);
      // A record without one is in no trace; a consumer of it starts one: compare the spans recorded for them.
      const trace = (r: typeof e.of, c: typeof ca) =>
        c?.traceId ??
        spans.find((x) => x.topic === r.topic && x.partition === r.partition && x.offset === r.offset)?.traceId;
      const same = trace(e, ca) !== undefined && trace(e, ca) === trace(e.of, cb);
      check(same === e.sameTrace, `${at(e)} is ${same ? '' : 'not '}in the same trace as ${at(e.of)}`);
      const corr = a.headers.correlationId !== undefined && a.headers.correlationId === b.headers.correlationId;
      check(corr === e.sameCorrelation, `${at(e)} has ${corr ? 'the same' : 'another'} correlation id as ${at(e.of)}`);
      const caused = b.eventId !== null && a.headers.causationId === b.eventId;
      check(caused === e.causedBy, `${at(e)}'s causation id is ${caused ? '' : 'not '}${at(e.of)}'s event id`);
      return fail;
    }
    case 'alert': {
      const rules = s.topology.tracing?.alerts;
      if (!rules || !world.tracing) return ['tracing is off'];
      const f = alertFigures(world.tracing.state, rules, world.time).find(
        (x) => x.alert === e.alert && x.group === e.group,
      );
      if (!f) return [`no ${e.alert} figure for ${e.group}`];
      check(f.firing === e.firing, `${e.alert} for ${e.group} is ${f.firing ? 'firing' : 'not firing'} (${f.reason})`);
      if (e.value !== undefined)
        check(f.value === e.value, `${e.alert} for ${e.group} is ${f.value}, expected ${e.value}`);
      return fail;
    }
  }
}
