/**
 * PutEvents: each entry becomes an event on its bus; archives of the bus record the ones their pattern
 * matches (never replayed ones), and every rule whose pattern matches sends it to each of its targets.
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html
 */
import { rejected } from './admin';
import { deliverDue } from './deliver';
import { matchPattern } from './pattern';
import type { EbEffect, EbEvent, EbState, EbStep, Pending } from './types';

/** Records `event` in the bus's archives and queues it for the targets of matching rules (all, or `only`). */
export function route(
  state: EbState,
  bus: string,
  event: EbEvent,
  putAt: number,
  effects: EbEffect[],
  only: readonly string[] | null,
): EbState {
  let s = state;
  if (event['replay-name'] === undefined) {
    const archives = s.archives.map((a) => {
      if (a.bus !== bus || (a.pattern && !matchPattern(a.pattern, event).match)) return a;
      effects.push({
        kind: 'eventbridge-archived',
        archive: a.name,
        eventId: event.id,
        reason: `event ${event.id} recorded in archive ${a.name}`,
      });
      return { ...a, events: [...a.events, { event, at: putAt }] };
    });
    s = { ...s, archives };
  }
  const pending: Pending[] = [];
  const misses: string[] = [];
  for (const rule of s.rules) {
    if (rule.bus !== bus || (only && !only.includes(rule.name))) continue;
    const verdict = matchPattern(rule.pattern, event);
    if (!verdict.match) {
      misses.push(`${rule.name}: ${verdict.why}`);
      continue;
    }
    for (const t of rule.targets)
      pending.push({ event, rule: rule.name, target: t.id, putAt, attempts: 0, nextAt: putAt });
  }
  if (pending.length === 0)
    effects.push({
      kind: 'eventbridge-unmatched',
      bus,
      eventId: event.id,
      reason: `event ${event.id} matched no rule with targets on ${bus}${misses.length ? ` (${misses.join('; ')})` : ''}`,
    });
  return { ...s, pending: [...s.pending, ...pending] };
}

export interface EntrySpec {
  source: string;
  detailType: string;
  detail: unknown;
  bus?: string;
  resources?: readonly string[];
}

export function putEvents(state: EbState, r: { entries: readonly EntrySpec[] }, now: number): EbStep {
  for (const e of r.entries)
    if (!state.buses.includes(e.bus ?? 'default')) return rejected(state, `event bus ${e.bus} does not exist`);
  let s = state;
  const effects: EbEffect[] = [];
  for (const e of r.entries) {
    const bus = e.bus ?? 'default';
    const event: EbEvent = {
      version: '0',
      id: `ev-${s.nextId}`,
      'detail-type': e.detailType,
      source: e.source,
      account: '123456789012',
      time: new Date(now).toISOString(),
      region: 'us-east-1',
      resources: e.resources ?? [],
      detail: e.detail,
    };
    s = { ...s, nextId: s.nextId + 1 };
    effects.push({
      kind: 'eventbridge-put',
      bus,
      eventId: event.id,
      reason: `${e.source} put ${e.detailType} (${event.id}) on ${bus}`,
    });
    s = route(s, bus, event, now, effects, null);
  }
  s = deliverDue(s, now, effects);
  return { state: s, effects };
}
