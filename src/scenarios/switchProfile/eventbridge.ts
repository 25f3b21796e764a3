/**
 * A built-in on Amazon EventBridge (src/engine/eventbridge, as documented on 2026-12-05), through its
 * `apply()` only: each topic a custom event bus with an archive of every event; each record a PutEvents entry
 * (source `event-lab.<topic>`, detail-type its event type, the key in its detail); each consumer group a
 * rule matching the topic's source with one target, which EventBridge invokes as the event is put. Quirks
 * on (seeded by the scenario): at-least-once and no ordering, as the service says.
 */
import { apply, createEventBridge, type EbEffect, type EbRequest, type EbState } from '../../engine/eventbridge';
import type { ScenarioDef } from '../schema';
import { safeName, topicsOf, type ProfileAdapter } from './adapter';
import type { SwitchedDelivery } from './types';
import { EffectBuffer } from './effectBuffer';

const PUSHES =
  'EventBridge invokes each rule’s target itself when the event is put: there is nothing to poll, and the deliveries are in the publish step’s effects';
const NO_MEMBERS =
  'EventBridge targets have no members that join, leave or crash: a failing target is retried by EventBridge';
const NO_QUEUES = 'EventBridge has no queues: a work queue would be an SQS queue as a rule’s target';

export function eventbridgeAdapter(s: ScenarioDef): ProfileAdapter {
  const b = new EffectBuffer<EbState, EbRequest, EbEffect>(createEventBridge({ seed: s.seed }), apply);
  const bus = (topic: string) => safeName(topic);
  const archive = (topic: string) => `${safeName(topic)}-archive`;
  const source = (topic: string) => `event-lab.${safeName(topic)}`;
  const rules = (group: string) => {
    const ts = topicsOf(s, group);
    return ts.map((t) => ({ topic: t, name: ts.length === 1 ? safeName(group) : `${safeName(group)}.${safeName(t)}` }));
  };
  let replays = 0;
  /** Put effects name the event id only: the adapter keeps each id's body. */
  const bodies = new Map<string, string>();
  let pushed: SwitchedDelivery[] = [];
  /** Targets are invoked by EventBridge itself (on a put, a retry or a replay): those invocations are the deliveries. */
  function note(effects: readonly EbEffect[]) {
    for (const e of effects)
      if (e.kind === 'eventbridge-delivered')
        pushed.push({
          group: e.rule,
          member: e.target,
          body: bodies.get(e.eventId) ?? e.eventId,
          outcome: 'processed',
          detail: `target ${e.target} invoked, attempt ${e.attempt}${e.duplicate ? ', a duplicate invocation' : ''}${e.replayName ? `, replayed by ${e.replayName}` : ''}`,
        });
  }

  return {
    profile: 'eventbridge',
    name: 'Amazon EventBridge (documented 2026-12-05)',
    state: () => b.s,
    drain: () => b.drain(),
    tick: (now) => note(b.do({ kind: 'advance' }, now)),
    pushed() {
      const out = pushed;
      pushed = [];
      return out;
    },
    setup(now) {
      const lines: string[] = [];
      for (const t of s.topology.topics) {
        b.do({ kind: 'create-bus', name: bus(t.name) }, now);
        // An archive records from its creation on: one per topic some group reads, so a reset can replay it.
        const read = s.topology.groups.some((g) => g.topics.includes(t.name));
        if (read) b.do({ kind: 'create-archive', name: archive(t.name), bus: bus(t.name) }, now);
        lines.push(`topic ${t.name} → event bus ${bus(t.name)}${read ? ` with archive ${archive(t.name)}` : ''}`);
      }
      for (const g of s.topology.groups) {
        for (const r of rules(g.id)) {
          b.do({ kind: 'put-rule', name: r.name, bus: bus(r.topic), pattern: { source: [source(r.topic)] } }, now);
          b.do({ kind: 'put-targets', rule: r.name, targets: [{ id: safeName(g.id), endpoint: safeName(g.id) }] }, now);
        }
        lines.push(
          `group ${g.id} → rule ${rules(g.id)
            .map((r) => r.name)
            .join(', ')} with target ${safeName(g.id)}`,
        );
      }
      return lines;
    },
    publish(topic, body, key, _id, now) {
      const [detailType = 'Event'] = body.split(' ');
      const effects = b.do(
        {
          kind: 'put-events',
          entries: [{ source: source(topic), detailType, detail: { key, body }, bus: bus(topic) }],
        },
        now,
      );
      for (const e of effects) if (e.kind === 'eventbridge-put') bodies.set(e.eventId, body);
      note(effects);
      return { text: `PutEvents "${body}" on bus ${bus(topic)}; every matching rule’s target is invoked` };
    },
    take: () => ({ why: PUSHES }),
    settle: () => undefined,
    crash: () => ({ why: NO_MEMBERS }),
    join: () => ({ why: NO_MEMBERS }),
    leave: () => ({ why: NO_MEMBERS }),
    reset(group, topic, to, now) {
      if (typeof to === 'object' && 'offset' in to)
        return {
          why: 'a Kafka offset is a position in one partition; EventBridge has no offsets, only an archive replayed by time',
        };
      if (to === 'latest')
        return { text: 'nothing to replay: the rule’s target gets events from now on, as it already does' };
      const rule = rules(group).find((r) => r.topic === topic);
      if (!rule) return { why: `group ${group} reads no topic ${topic}` };
      const start = to === 'earliest' ? s.startTime : to.timestamp;
      note(
        b.do(
          {
            kind: 'start-replay',
            name: `replay-${++replays}`,
            archive: archive(topic),
            start,
            end: now,
            bus: bus(topic),
            rules: [rule.name],
          },
          now,
        ),
      );
      return {
        text: `StartReplay from archive ${archive(topic)}, events from ${start} to now, to rule ${rule.name} only (replayed events carry replay-name and arrive in no guaranteed order)`,
      };
    },
    enqueue: () => ({ why: NO_QUEUES }),
    receive: () => ({ why: NO_QUEUES }),
    ackQueue: () => ({ why: NO_QUEUES }),
    nackQueue: () => ({ why: NO_QUEUES }),
  };
}
