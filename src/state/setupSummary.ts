/**
 * Set-up in one line. Before step 1 a scenario builds its starting point — topics created, consumers
 * joining their groups, the rebalances that hand out partitions — which is a dozen effects and as many
 * stages that are not yet the story. The "What happened" list shows them as one line, written from the
 * effects (never per scenario): what exists and who owns what once set-up is over.
 */
import type { Effect } from '../engine/types';
import { planStages, type Stage, type StageKind } from './stagePlan';

/** The kinds of stage that build the starting point rather than tell the story. */
const SETUP_KINDS: ReadonlySet<StageKind> = new Set<StageKind>(['topic', 'members', 'rebalance']);

/** Step 0 is the starting point: whatever it did is set-up. */
export const isSetupStep = (step: number, effects: readonly Effect[]) => step === 0 && effects.length > 0;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (xs: readonly string[]) =>
  xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** "orders-0, 1, 2" for partitions of one topic; topics apart by "; ". */
function partitionsText(tps: readonly { topic: string; partition: number }[]): string {
  const byTopic = new Map<string, number[]>();
  for (const tp of tps) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  return [...byTopic].map(([topic, ps]) => `${topic}-${[...ps].sort((a, b) => a - b).join(', ')}`).join(' and ');
}

interface GroupSetup {
  joined: string[];
  /** Member → its partitions once set-up is over ("topic\u0000partition" keys, in the order received). */
  owns: Map<string, Map<string, { topic: string; partition: number }>>;
}

/** Who owns what in each group once the effects have all applied (revoked partitions leave, assigned ones join). */
function groupsAfter(effects: readonly Effect[]): Map<string, GroupSetup> {
  const groups = new Map<string, GroupSetup>();
  const group = (id: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { joined: [], owns: new Map() }));
    return g;
  };
  const key = (tp: { topic: string; partition: number }) => `${tp.topic}\u0000${tp.partition}`;
  for (const e of effects) {
    if (e.kind === 'member-joined') {
      const g = group(e.groupId);
      if (!g.joined.includes(e.memberId)) g.joined.push(e.memberId);
      if (!g.owns.has(e.memberId)) g.owns.set(e.memberId, new Map());
    } else if (e.kind === 'member-left' || e.kind === 'member-crashed') {
      const g = group(e.groupId);
      g.joined = g.joined.filter((m) => m !== e.memberId);
      g.owns.delete(e.memberId);
    } else if (e.kind === 'partitions-revoked') {
      const owned = group(e.groupId).owns.get(e.memberId);
      for (const tp of e.partitions) owned?.delete(key(tp));
    } else if (e.kind === 'partitions-assigned') {
      const g = group(e.groupId);
      const owned = g.owns.get(e.memberId) ?? new Map<string, { topic: string; partition: number }>();
      g.owns.set(e.memberId, owned);
      for (const tp of e.partitions) owned.set(key(tp), tp);
    }
  }
  return groups;
}

function groupText(groupId: string, g: GroupSetup): string {
  const got = (m: string) => {
    const tps = [...(g.owns.get(m)?.values() ?? [])];
    return tps.length ? `got ${partitionsText(tps)}` : 'got no partition (idle)';
  };
  const [only] = g.joined;
  if (g.joined.length === 1 && only) return `${only} joined ${groupId} and ${got(only)}`;
  return `${list(g.joined)} joined ${groupId} (${g.joined.map((m) => `${m} ${got(m)}`).join('; ')})`;
}

/**
 * The set-up as one sentence: "Set-up: topic orders (3 partitions) created; billing-1 joined billing
 * and got orders-0, 1, 2". Stages that are not set-up (records already written, an event store filled)
 * follow as their own summaries, so nothing that happened is left out.
 */
export function setupSummary(effects: readonly Effect[], stages: readonly Stage[] = planStages(effects)): string {
  const parts: string[] = [];
  const topics = effects.flatMap((e) => (e.kind === 'topic-created' ? [e] : []));
  if (topics.length) {
    const each = topics.map((t) => `${t.topic} (${plural(t.partitions, 'partition')})`);
    parts.push(`${topics.length === 1 ? 'topic' : 'topics'} ${list(each)} created`);
  }
  for (const e of effects)
    if (e.kind === 'partitions-added') parts.push(`${e.topic} grew from ${e.from} to ${plural(e.to, 'partition')}`);
  for (const [id, g] of groupsAfter(effects)) if (g.joined.length) parts.push(groupText(id, g));
  for (const s of stages) if (!SETUP_KINDS.has(s.kind)) parts.push(s.summary);
  return parts.length ? `Set-up: ${parts.join('; ')}` : 'Set-up';
}
