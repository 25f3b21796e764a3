/**
 * Whether a switched step means what the Kafka original's step meant: the same members handled the same
 * messages, and nothing happened on Kafka that has no counterpart in the target's effects (a rebalance, a
 * failed processing, a dead-letter send, a deduplicated retry). Only such steps count as carried over.
 */
import type { KafkaStep } from './kafkaSide';
import type { SwitchedDelivery } from './types';

/** Kafka effects that change a step's meaning, and the target effect kinds that would be their counterpart. */
const KAFKA_ONLY: readonly { kinds: readonly string[]; counterpart: RegExp; what: string }[] = [
  {
    kinds: ['rebalance-started', 'partitions-revoked', 'partitions-assigned', 'rebalance-completed'],
    counterpart: /rebalanc|assign/,
    what: 'the group rebalances and its partitions are reassigned; here there are no partitions to assign',
  },
  {
    kinds: ['processing-failed'],
    counterpart: /nak|nack|reject/,
    what: 'the consumer’s processing fails (the scenario’s service is not run here, so nothing fails)',
  },
  {
    kinds: ['record-dead-lettered'],
    counterpart: /dead-letter/,
    what: 'the record goes to the dead-letter topic; here nothing is dead-lettered',
  },
  {
    kinds: ['produce-deduplicated'],
    counterpart: /duplicate/,
    what: 'the broker recognises the retry and does not store it twice; here the resend is stored again',
  },
  {
    kinds: ['offsets-reset'],
    counterpart: /consumer-created|seek/,
    what: 'the group’s committed offsets are moved',
  },
];

/** Concepts a Kafka title can be about, and the target effect kinds that would show the same thing. */
const TITLE_CONCEPTS: readonly { word: RegExp; counterpart: RegExp; what: string }[] = [
  {
    word: /partition/i,
    counterpart: /partition/,
    what: 'this step is about which partition a record goes to or who reads it; there are no partitions here',
  },
  {
    word: /rebalanc|shuffle|evict/i,
    counterpart: /rebalanc|assign/,
    what: 'this step is about a rebalance; here nothing is reassigned',
  },
];

const handledHere = (ds: readonly SwitchedDelivery[]) =>
  ds.filter((d) => d.outcome === 'processed' || d.outcome === 'held').map((d) => `${d.member}: ${d.body}`);

const sorted = (xs: readonly string[]) => [...xs].sort().join(' | ');

/** "billing-1 processed A, B" per member, from "member: body" lines. */
function byMember(xs: readonly string[]): string {
  if (xs.length === 0) return 'no consumer processed anything';
  const m = new Map<string, string[]>();
  for (const x of xs) {
    const [member, body] = x.split(': ');
    m.set(member!, [...(m.get(member!) ?? []), body!]);
  }
  return [...m].map(([member, bodies]) => `${member} processed ${bodies.join(', ')}`).join('; ');
}

/** How the target's step differs from Kafka's, one sentence each; empty when it means the same. */
export function differences(
  title: string,
  k: KafkaStep,
  target: { readonly effects: readonly { readonly kind: string }[]; readonly deliveries: readonly SwitchedDelivery[] },
): string[] {
  const out: string[] = [];
  for (const c of KAFKA_ONLY)
    if (k.kinds.some((x) => c.kinds.includes(x)) && !target.effects.some((e) => c.counterpart.test(e.kind)))
      out.push(`On Kafka ${c.what}.`);
  for (const c of TITLE_CONCEPTS)
    if (
      c.word.test(title) &&
      !target.effects.some((e) => c.counterpart.test(e.kind)) &&
      !out.some((o) => /rebalances/.test(o))
    )
      out.push(`On Kafka ${c.what}.`);
  const here = handledHere(target.deliveries);
  if (sorted(here) !== sorted(k.processed)) out.push(`On Kafka ${byMember(k.processed)}; here ${byMember(here)}.`);
  return out;
}
