/**
 * Rule `partition-key`: Kafka keeps order only within a partition, and a key always maps to the
 * same partition; so every event of one aggregate (one stream) must carry the same key, ideally the
 * aggregate's id. Checked on relay routes (the outbox) and on publish steps.
 */
import { indexScenario } from '../index/scenarioIndex';
import type { ScenarioDef } from '../schema';
import type { LintFinding } from './types';

const refOf = (v: unknown): string | null =>
  v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { ref?: unknown }).ref === 'string'
    ? (v as { ref: string }).ref
    : null;

/** For each aggregate-emitted event type: the data field holding the aggregate id (`{ref: command.id}`). */
function idFields(s: ScenarioDef): Map<string, { aggregate: string; field: string | null }> {
  const out = new Map<string, { aggregate: string; field: string | null }>();
  for (const w of indexScenario(s).writes) {
    if (w.role !== 'emit') continue;
    const field = Object.entries(w.data).find(([, v]) => refOf(v) === 'command.id')?.[0] ?? null;
    const prev = out.get(w.eventType);
    if (!prev || (!prev.field && field)) out.set(w.eventType, { aggregate: w.by, field });
  }
  return out;
}

export function orderingFindings(s: ScenarioDef): LintFinding[] {
  const out: LintFinding[] = [];
  const ids = idFields(s);
  s.topology.relay?.routes.forEach((route, i) => {
    const path = `topology.relay.routes[${i}].key`;
    const covered = (route.eventTypes ?? [...ids.keys()]).filter((e) => ids.has(e));
    const ref = refOf(route.key);
    if (route.key === null) {
      out.push({
        rule: 'partition-key',
        severity: 'error',
        path,
        message: `Events relayed to "${route.topic}" have no key, so one aggregate's events are spread over partitions and can be consumed out of order.`,
        fix: 'Key them by the aggregate id, e.g. {"ref": "event.data.orderId"}.',
      });
      return;
    }
    if (!ref) {
      out.push({
        rule: 'partition-key',
        severity: 'info',
        path,
        message: `Every event relayed to "${route.topic}" gets the same key: order is kept, but all of them land in one partition and only one consumer per group can work.`,
        fix: 'Key by the aggregate id to keep per-aggregate order and spread the load.',
      });
      return;
    }
    if (ref === 'event.streamId') return;
    const field = /^(?:event\.data|data)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref)?.[1];
    const wrong = new Map<string, string[]>();
    for (const type of covered) {
      const id = ids.get(type)!;
      if (id.field && id.field !== field)
        wrong.set(`${id.aggregate}\u0000${id.field}`, [...(wrong.get(`${id.aggregate}\u0000${id.field}`) ?? []), type]);
    }
    for (const [k, types] of wrong) {
      const [aggregate, idField] = k.split('\u0000');
      out.push({
        rule: 'partition-key',
        severity: 'warning',
        path,
        message: `The relay keys ${types.join(', ')} by "${ref}", not by the ${aggregate} id ("${idField}"): one ${aggregate}'s events stay in order only if that value never changes during its life.`,
        fix: `Key by {"ref": "event.data.${idField}"} (or event.streamId).`,
      });
    }
  });

  const topics = new Map(s.topology.topics.map((t) => [t.name, t]));
  const streams = new Map<string, { key: string | null; step: number; count: number }>();
  s.steps.forEach((step, i) => {
    const a = step.action;
    if (a.kind !== 'publish' || a.retry || a.tombstone) return;
    const { streamId, key, data } = a.event;
    const keyField = topics.get(a.topic)?.keyField;
    if (keyField && key !== null && Object.hasOwn(data, keyField) && String(data[keyField]) !== key) {
      out.push({
        rule: 'partition-key',
        severity: 'warning',
        path: `steps[${i}].action.event.key`,
        message: `Topic "${a.topic}" is keyed by "${keyField}", but this record's key "${key}" differs from its ${keyField} "${String(data[keyField])}".`,
        fix: `Use the ${keyField} as the key.`,
      });
    }
    const k = `${a.topic}\u0000${streamId}`;
    const seen = streams.get(k);
    if (!seen) {
      streams.set(k, { key, step: i, count: 1 });
      return;
    }
    seen.count++;
    if (seen.key !== key) {
      out.push({
        rule: 'partition-key',
        severity: 'error',
        path: `steps[${i}].action.event.key`,
        message: `Stream "${streamId}" was published to "${a.topic}" with key ${JSON.stringify(seen.key)} at step ${seen.step}, and now with ${JSON.stringify(key)}: its events can land in different partitions and be read out of order.`,
        fix: `Publish every event of "${streamId}" with the same key (its aggregate id).`,
      });
    } else if (key === null && seen.count === 2) {
      out.push({
        rule: 'partition-key',
        severity: 'warning',
        path: `steps[${i}].action.event.key`,
        message: `Stream "${streamId}" is published to "${a.topic}" without a key: the sticky partitioner may put its events in different partitions, so their order is not guaranteed.`,
        fix: `Give its events a key (e.g. "${streamId}") if their order matters.`,
      });
    }
  });
  return out;
}
