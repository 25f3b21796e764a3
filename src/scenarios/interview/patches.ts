/**
 * The mock interview's answers as changes to the reference design: each wrong answer makes a real,
 * runnable change (an event renamed everywhere, a topic's key dropped, a consumer that no longer
 * deduplicates…), so the design the learner built is graded by the same rubric and runs as any other.
 * Refusals go after every other change, so a patch that lets a command be accepted again (`allow-repeat`,
 * `not-idempotent`) never re-admits a state another answer refused: answers compose, never undo each other.
 * Renames go last, since the other changes name things as the reference does.
 */
import { renameReferences } from '../design/rename';
import type { ScenarioDef } from '../schema';

type Service = NonNullable<ScenarioDef['topology']['services']>[number];
type Reaction = Service['on'][number];

export type DesignPatch =
  /** The event type is called `to` everywhere (the learner's name for it). */
  | { op: 'rename-event'; from: string; to: string }
  /** Records reach the topic without a key: relay routes, services' publishes and publish steps (and a compacted topic stops compacting). */
  | { op: 'unkey-topic'; topic: string }
  /** The group no longer deduplicates, and the commands its services send are accepted again after their own events. */
  | { op: 'not-idempotent'; group: string }
  /** The aggregate accepts the command again in the states its own events lead to (no one wins a race). */
  | { op: 'allow-repeat'; aggregate: string; command: string }
  /** The command's guard is gone: the aggregate accepts it whatever its guard checked (a check left to the caller). */
  | { op: 'drop-guard'; aggregate: string; command: string }
  /** The command's checks are gone, its guard stays (e.g. a payment id sent again is paid again: the caller is trusted). */
  | { op: 'drop-checks'; aggregate: string; command: string }
  /** The command is no longer accepted in this state (e.g. no retry after a failure). */
  | { op: 'refuse-in'; aggregate: string; command: string; state: string }
  /** The projection ignores this event type. */
  | { op: 'drop-handler'; projection: string; eventType: string }
  /** The projection is gone; steps that queried it become notes. */
  | { op: 'remove-projection'; projection: string }
  /** A service also publishes an event itself (a dual write): the reaction is added, the relay no longer routes that event type. */
  | { op: 'dual-write'; service: string; reaction: Reaction; eventType: string };

const clone = <T>(x: T): T => structuredClone(x);

/** The states `events` lead to from each of `from` (an evolve's `to`, else unchanged). */
function statesAfter(s: ScenarioDef, aggregate: string, command: string): string[] {
  const a = s.topology.aggregates?.find((x) => x.type === aggregate);
  if (!a) return [];
  return a.commands
    .filter((c) => c.command === command)
    .flatMap((c) =>
      c.when.map((st) => c.emit.reduce((cur, e) => a.evolve.find((x) => x.eventType === e.eventType)?.to ?? cur, st)),
    );
}

function allowRepeat(s: ScenarioDef, aggregate: string, command: string): void {
  const more = statesAfter(s, aggregate, command);
  for (const c of s.topology.aggregates?.find((x) => x.type === aggregate)?.commands ?? [])
    if (c.command === command) c.when = [...new Set([...c.when, ...more])];
}

function applyOne(s: ScenarioDef, p: DesignPatch): ScenarioDef {
  const t = s.topology;
  switch (p.op) {
    case 'rename-event': {
      const renamed = renameReferences(s, 'eventType', p.from, p.to) as ScenarioDef;
      // The catalog entry is the event type itself, not a reference to it.
      for (const e of renamed.topology.eventTypes ?? []) if (e.name === p.from) e.name = p.to;
      return renamed;
    }
    case 'unkey-topic':
      for (const r of t.relay?.routes ?? []) if (r.topic === p.topic) r.key = null;
      for (const sv of t.services ?? [])
        for (const on of sv.on)
          for (const d of on.do) if ('publish' in d && d.publish.topic === p.topic) d.publish.key = null;
      for (const step of s.steps)
        if (step.action.kind === 'publish' && step.action.topic === p.topic) step.action.event.key = null;
      for (const topic of t.topics)
        if (topic.name === p.topic) {
          delete topic.keyField;
          // A compacted topic refuses records without a key (Kafka's log cleaner needs one), so it cannot stay compacted.
          if (topic.cleanupPolicy === 'compact') topic.cleanupPolicy = 'delete';
        }
      s.steps = s.steps.map((step) =>
        step.action.kind === 'compact' && step.action.topic === p.topic
          ? { title: step.title, narration: step.narration, action: { kind: 'note' as const } }
          : step,
      );
      return s;
    case 'not-idempotent': {
      const g = t.groups.find((x) => x.id === p.group);
      if (g) g.idempotent = false;
      for (const sv of t.services ?? [])
        if (sv.group === p.group)
          for (const on of sv.on) for (const d of on.do) if ('command' in d) allowRepeat(s, d.aggregate, d.command);
      return s;
    }
    case 'allow-repeat':
      allowRepeat(s, p.aggregate, p.command);
      return s;
    case 'drop-guard':
      for (const c of t.aggregates?.find((x) => x.type === p.aggregate)?.commands ?? [])
        if (c.command === p.command) {
          delete c.guard;
          delete c.rejectWith;
        }
      return s;
    case 'drop-checks':
      for (const c of t.aggregates?.find((x) => x.type === p.aggregate)?.commands ?? [])
        if (c.command === p.command) delete c.checks;
      return s;
    case 'refuse-in':
      for (const c of t.aggregates?.find((x) => x.type === p.aggregate)?.commands ?? [])
        if (c.command === p.command && c.when.length > 1) c.when = c.when.filter((st) => st !== p.state);
      return s;
    case 'drop-handler':
      for (const pr of t.projections ?? [])
        if (pr.name === p.projection) pr.on = pr.on.filter((h) => h.eventType !== p.eventType);
      return s;
    case 'remove-projection':
      t.projections = (t.projections ?? []).filter((pr) => pr.name !== p.projection);
      s.steps = s.steps.map((step) =>
        step.action.kind === 'query' && step.action.projection === p.projection
          ? {
              title: step.title,
              narration: `${step.narration} (This design has no ${p.projection} read model.)`,
              action: { kind: 'note' as const },
            }
          : step,
      );
      return s;
    case 'dual-write': {
      t.services?.find((sv) => sv.id === p.service)?.on.push(clone(p.reaction));
      const all = [
        ...new Set((t.aggregates ?? []).flatMap((a) => a.commands.flatMap((c) => c.emit.map((e) => e.eventType)))),
      ];
      for (const r of t.relay?.routes ?? []) r.eventTypes = (r.eventTypes ?? all).filter((e) => e !== p.eventType);
      return s;
    }
  }
}

export function applyPatches(reference: ScenarioDef, patches: readonly DesignPatch[]): ScenarioDef {
  const last = (p: DesignPatch) => (p.op === 'rename-event' ? 2 : p.op === 'refuse-in' ? 1 : 0);
  const ordered = [0, 1, 2].flatMap((rank) => patches.filter((p) => last(p) === rank));
  return ordered.reduce((s, p) => applyOne(s, p), clone(reference));
}

/** Reference name → the learner's name, from the renames among `patches`. */
export const namesOf = (patches: readonly DesignPatch[]): Map<string, string> =>
  new Map(patches.flatMap((p) => (p.op === 'rename-event' ? [[p.from, p.to] as const] : [])));
