/**
 * Rules `idempotent-consumer` and `reaction-chain`.
 *
 * Delivery is at-least-once by default (commit after processing): a crash between processing and
 * committing redelivers events, so a consumer with side effects must be idempotent.
 *
 * The engine gives every reaction the trigger's correlation id and the trigger's event id as causation
 * id, so propagation cannot be forgotten in a scenario; what can break the chain is the wiring: a
 * reaction to an event that is never produced or never reaches the service's group, or a reaction
 * that does not derive its target (aggregate id, stream, key) from the trigger and so acts on
 * something unrelated to the flow it claims to continue.
 */
import type { ScenarioDef } from '../schema';
import { indexScenario } from '../index/scenarioIndex';
import { fieldsRead } from './readers';
import type { LintFinding } from './types';

const usesRef = (v: unknown): boolean => JSON.stringify(v ?? null).includes('"ref"');
const readsTrigger = (v: unknown): boolean =>
  fieldsRead(v).size > 0 || /"ref":"event\.(streamId|eventId)/.test(JSON.stringify(v ?? null));

export function reactionFindings(s: ScenarioDef): LintFinding[] {
  const out: LintFinding[] = [];
  const t = s.topology;
  const groups = new Map(t.groups.map((g, i) => [g.id, { g, i }]));
  const idx = indexScenario(s);
  const produced = new Set(idx.eventTypeNames.filter((e) => idx.eventTypes.get(e)!.written));
  const carried = idx.carried;

  t.services?.forEach((sv, i) => {
    const entry = groups.get(sv.group);
    if (!entry) return;
    const { g } = entry;
    const sideEffects = sv.on.some((r) => r.do.length > 0);
    const publishes = sv.on.some((r) => r.do.some((d) => 'publish' in d));
    if (sideEffects && (g.commitMode ?? 'after') === 'after' && !g.idempotent) {
      out.push({
        rule: 'idempotent-consumer',
        severity: publishes ? 'warning' : 'info',
        path: `topology.groups[${entry.i}].idempotent`,
        message: publishes
          ? `Group "${g.id}" commits after processing (at-least-once) and feeds service "${sv.id}", which publishes events: a redelivered event publishes them twice.`
          : `Group "${g.id}" commits after processing (at-least-once) and feeds service "${sv.id}", which sends commands: a redelivery sends them again, and only the aggregate's lifecycle may refuse the duplicate.`,
        fix: `Make the consumer idempotent: set "idempotent": true on group "${g.id}" (dedupe by event id).`,
      });
    }
    sv.on.forEach((r, j) => {
      const path = `topology.services[${i}].on[${j}]`;
      if (!produced.has(r.eventType)) {
        out.push({
          rule: 'reaction-chain',
          severity: 'warning',
          path: `${path}.eventType`,
          message: `Service "${sv.id}" reacts to ${r.eventType}, but nothing in the scenario produces it: the reaction never runs.`,
          fix: 'Produce the event (a command, a publish step or another reaction), or remove the reaction.',
        });
      } else {
        const onTopics = g.topics.filter((x) => carried.get(x)?.has(r.eventType));
        const anywhere = [...carried.values()].some((set) => set.has(r.eventType));
        if (anywhere && onTopics.length === 0) {
          out.push({
            rule: 'reaction-chain',
            severity: 'warning',
            path: `${path}.eventType`,
            message: `Service "${sv.id}" reacts to ${r.eventType}, but its group "${g.id}" reads none of the topics that carry it (${[
              ...carried,
            ]
              .filter(([, set]) => set.has(r.eventType))
              .map(([k]) => k)
              .join(', ')}).`,
            fix: `Subscribe group "${g.id}" to a topic carrying ${r.eventType}.`,
          });
        }
      }
      r.do.forEach((d, k) => {
        const p = `${path}.do[${k}]`;
        if ('command' in d && !readsTrigger(d.id)) {
          out.push({
            rule: 'reaction-chain',
            severity: 'warning',
            path: `${p}.id`,
            message: `The ${d.command} command goes to a fixed ${d.aggregate}, whatever event triggered it: the correlation id then links unrelated work.`,
            fix: 'Take the aggregate id from the trigger, e.g. {"ref": "data.orderId"}.',
          });
        }
        if ('publish' in d) {
          if (!readsTrigger(d.publish.streamId))
            out.push({
              rule: 'reaction-chain',
              severity: 'warning',
              path: `${p}.publish.streamId`,
              message: `Every ${d.publish.eventType} published by "${sv.id}" goes to the same stream, whatever triggered it.`,
              fix: 'Derive the stream id from the trigger, e.g. {"concat": ["receipt-", {"ref": "data.orderId"}]}.',
            });
          if (!usesRef(d.publish.key))
            out.push({
              rule: 'reaction-chain',
              severity: 'warning',
              path: `${p}.publish.key`,
              message: `${d.publish.eventType} is published with a fixed key (${JSON.stringify(d.publish.key)}), not one taken from the trigger: the events of one flow are not kept together in order.`,
              fix: 'Key it like the trigger, e.g. {"ref": "data.orderId"}.',
            });
        }
      });
    });
  });
  return out;
}
