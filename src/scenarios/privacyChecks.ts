/**
 * Erasure tools in a scenario (format/privacy.ts): the references a schema cannot check — a key store declared
 * when a step uses one, backups named by expectations taken by an earlier step, topics declared — and the
 * `subject-key` and `personal-field` expectations checked against the world. Called by `references.ts` and
 * `expectations.ts`.
 */
import { keyState, open, type CopyPlace, type DataCopy } from '../engine/privacy';
import type { ScenarioIssue } from './scenarioIssue';
import type { ExpectationDef, ScenarioDef } from './schema';
import { copiesOf } from './steps/privacy';
import type { World } from './world';

export function privacyReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const topics = new Set(s.topology.topics.map((t) => t.name));
  const projections = new Set((s.topology.projections ?? []).map((p) => p.name));
  const backups = new Set<string>();
  s.steps.forEach((step, i) => {
    const a = step.action;
    if ((a.kind === 'append-personal' || a.kind === 'shred-key') && !s.topology.privacy)
      issues.push({ path: `steps[${i}].action`, message: `${a.kind} needs a key store: add topology.privacy` });
    if (a.kind === 'take-backup') {
      a.topics.forEach((t, j) => {
        if (!topics.has(t))
          issues.push({ path: `steps[${i}].action.topics[${j}]`, message: `there is no topic "${t}"` });
      });
      backups.add(a.backup);
    }
    (step.expect ?? []).forEach((x, j) => {
      if (x.kind !== 'personal-field') return;
      const at = `steps[${i}].expect[${j}]`;
      const named = [x.event, x.record, x.row].filter((c) => c !== undefined).length;
      if (named !== 1) issues.push({ path: at, message: 'name exactly one copy: event, record or row' });
      if (x.backup !== undefined && !backups.has(x.backup))
        issues.push({ path: `${at}.backup`, message: `no step before this one takes backup "${x.backup}"` });
      if (x.record && !topics.has(x.record.topic))
        issues.push({ path: `${at}.record.topic`, message: `there is no topic "${x.record.topic}"` });
      if (x.row && !projections.has(x.row.projection))
        issues.push({ path: `${at}.row.projection`, message: `there is no projection "${x.row.projection}"` });
    });
  });
  return issues;
}

type PrivacyExpectation = Extract<ExpectationDef, { kind: 'subject-key' | 'personal-field' }>;
type FieldExpectation = Extract<ExpectationDef, { kind: 'personal-field' }>;

const samePlace = (p: CopyPlace, e: FieldExpectation): boolean =>
  p.in === 'event-store'
    ? p.streamId === e.event?.streamId && p.revision === e.event.revision
    : p.in === 'topic'
      ? p.topic === e.record?.topic && p.partition === e.record.partition && p.offset === e.record.offset
      : p.projection === e.row?.projection && p.key === e.row.key;

/** The copy an expectation names, now (or in its backup), if it exists. */
function findCopy(world: World, e: FieldExpectation): DataCopy | undefined {
  if (e.backup !== undefined) return world.privacy?.backups[e.backup]?.copies.find((c) => samePlace(c.place, e));
  return copiesOf(world, e.record ? [e.record.topic] : []).find((c) => samePlace(c.place, e));
}

/** Where an expectation's copy is, in its failure message. */
const whereOf = (e: FieldExpectation) =>
  `${e.backup ? `backup ${e.backup}: ` : ''}${
    e.event
      ? `stream ${e.event.streamId} @${e.event.revision}`
      : e.record
        ? `${e.record.topic}-${e.record.partition} @${e.record.offset}`
        : `${e.row?.projection} row ${e.row?.key}`
  }`;

export function failedPrivacyExpectation(world: World, e: PrivacyExpectation): string[] {
  const keys = world.privacy?.keys;
  if (e.kind === 'subject-key') {
    const state = keys ? keyState(keys, e.subject) : 'none';
    return state === e.state ? [] : [`${e.subject}'s key is ${state}, expected ${e.state}`];
  }
  const copy = findCopy(world, e);
  const data = copy?.data;
  const where = whereOf(e);
  const has = data !== null && typeof data === 'object' && Object.prototype.hasOwnProperty.call(data, e.field);
  if (!has) return e.reads === 'absent' ? [] : [`${where}: no ${e.field} there, expected it ${e.reads}`];
  const opened = open(keys ?? { keys: {}, current: {} }, (data as Record<string, unknown>)[e.field]);
  const out: string[] = [];
  if (opened.kind !== e.reads) out.push(`${where}: ${e.field} reads ${opened.kind}, expected ${e.reads}`);
  if (e.equals !== undefined && 'value' in opened && JSON.stringify(opened.value) !== JSON.stringify(e.equals))
    out.push(`${where}: ${e.field} is ${JSON.stringify(opened.value)}, expected ${JSON.stringify(e.equals)}`);
  return out;
}
