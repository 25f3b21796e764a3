/**
 * Runs a built-in's script on a target profile through its adapter: step by step, the same times as the
 * original (startTime, stepMs, advance-time), with Kafka's commit modes played as acknowledgements —
 * after processing (at-least-once), before (at-most-once), manual (held until a commit step) — and crashes
 * as the profile handles a consumer that disappears. Pure: the same scenario gives the same frames.
 */
import type { ActionDef, ScenarioDef } from '../schema';
import { bodyOf, type Msg, type ProfileAdapter } from './adapter';
import { differences } from './compare';
import { headingOf } from './heading';
import type { KafkaStep } from './kafkaSide';
import type { Frame, SwitchedDelivery, Untranslated } from './types';

/** Kafka's max.poll.records default, when a poll names no maximum. */
const MAX_POLL_RECORDS = 500;

export interface Played {
  readonly mapping: readonly string[];
  readonly frames: readonly Frame[];
  readonly untranslated: readonly Untranslated[];
}

/** `kafka`: the original's steps (`kafkaSide.ts`), to fold its waits in and to compare each outcome with. */
export function play(s: ScenarioDef, a: ProfileAdapter, kafka: readonly KafkaStep[]): Played {
  let now = s.startTime;
  const mapping = a.setup(now);
  const frames: Frame[] = [
    {
      step: 0,
      title: 'Set-up',
      heading: `The topology on ${a.name}`,
      differences: [],
      translated: `The topology on ${a.name}: ${mapping.join('; ')}`,
      why: null,
      state: a.state(),
      effects: a.drain(),
      deliveries: [],
    },
  ];
  const untranslated: Untranslated[] = [];
  /** Messages a member processed and has not acknowledged (manual commit), per group/member. */
  const held = new Map<string, Msg[]>();
  /** What a work-queue consumer received and holds. */
  const holding = new Map<string, Msg>();
  /** Bodies each idempotent group has processed. */
  const seen = new Map<string, Set<string>>();
  /** When each member last took messages (a crash's wait runs from there). */
  const lastPoll = new Map<string, number>();
  /** advance-time steps so far. */
  let elapsed = 0;
  let lastPublish: { topic: string; body: string; key: string | null; id: string } | null = null;
  let published = 0;
  /** The waits folded in so far (`crashWaitMs`): the target's clock runs ahead of the script's by this. */
  let folded = 0;

  s.steps.forEach((st, i) => {
    now = s.startTime + (i + 1) * s.stepMs + folded + elapsed;
    if (st.action.kind === 'advance-time') {
      elapsed += st.action.ms;
      now += st.action.ms;
    }
    a.tick(now);
    const deliveries: SwitchedDelivery[] = [];
    const out = act(st.action);
    deliveries.push(...(a.pushed?.() ?? []));
    if ('why' in out) untranslated.push({ step: i + 1, title: st.title, why: out.why });
    const shown = { translated: 'text' in out ? out.text : null, effects: a.drain(), deliveries };
    frames.push({
      step: i + 1,
      title: st.title,
      heading: headingOf(st.action, shown, a.name),
      differences: 'why' in out ? [] : differences(st.title, kafka[i]!, shown),
      ...shown,
      why: 'why' in out ? out.why : null,
      state: a.state(),
    });

    /** A crash: where Kafka's step folds its session timeout in, the target's own wait passes too. */
    function crashed(member: string, text: string, unacked: number): string {
      // Only what is left of the wait since the member last fetched (the script may have let time pass), and
      // only when it left something unacknowledged: otherwise there is nothing to wait for.
      const wait = Math.max(0, (a.crashWaitMs ?? 0) - (now - (lastPoll.get(member) ?? now)));
      if (wait === 0 || unacked === 0 || !kafka[i]?.sessionTimedOut) return text;
      folded += wait;
      now += wait;
      a.tick(now);
      return `${text}. Here ${wait / 1000} s pass within this step, as Kafka's session timeout does in the original's`;
    }

    function act(x: ActionDef): { text: string } | { why: string } {
      switch (x.kind) {
        case 'publish': {
          if (x.transactional) return { why: 'a send inside a Kafka transaction: this profile models no transactions' };
          if (x.tombstone)
            return {
              why: 'a tombstone (a null value) deletes a key’s earlier records only on a compacted Kafka topic; this profile has no compaction, so it would be just an empty message',
            };
          if (x.retry) {
            if (!lastPublish) return { why: 'a retry with no earlier send to resend' };
            const r = a.publish(lastPublish.topic, lastPublish.body, lastPublish.key, lastPublish.id, now);
            return 'text' in r ? { text: `The producer resends its last message: ${r.text}` } : r;
          }
          const body = bodyOf(x.event);
          lastPublish = { topic: x.topic, body, key: x.event.key, id: `${x.producer}-${++published}` };
          const r = a.publish(x.topic, body, x.event.key, lastPublish.id, now);
          if ('why' in r) return r;
          return {
            text:
              x.partition !== undefined
                ? `${r.text} (the original named partition ${x.partition}; there are no partitions here)`
                : r.text,
          };
        }
        case 'poll': {
          const group = s.topology.groups.find((g) => g.id === x.group);
          const mode = x.commit ?? group?.commitMode ?? 'after';
          const r = a.take(x.group, x.member, x.maxRecords ?? MAX_POLL_RECORDS, now);
          lastPoll.set(x.member, now);
          if ('why' in r) return r;
          const key = `${x.group}/${x.member}`;
          const done = group?.idempotent ? (seen.get(x.group) ?? seen.set(x.group, new Set()).get(x.group)!) : null;
          if (mode === 'before') a.settle(x.group, x.member, r.msgs, now);
          for (const m of r.msgs) {
            const outcome: SwitchedDelivery['outcome'] =
              x.crash === 'before-process'
                ? mode === 'before'
                  ? 'lost (acknowledged before processing)'
                  : 'crashed before processing'
                : mode === 'manual'
                  ? 'held'
                  : 'processed';
            const skipped = done !== null && outcome === 'processed' && done.has(m.body);
            if (outcome === 'processed') done?.add(m.body);
            deliveries.push({
              group: x.group,
              member: x.member,
              body: m.body,
              outcome,
              detail: skipped ? `${m.detail}; skipped: this idempotent consumer processed it before` : m.detail,
            });
          }
          if (mode === 'manual' && !x.crash) held.set(key, [...(held.get(key) ?? []), ...r.msgs]);
          if (mode === 'after' && !x.crash) a.settle(x.group, x.member, r.msgs, now);
          const how =
            mode === 'after'
              ? 'acknowledges each after processing'
              : mode === 'before'
                ? 'acknowledges each as it receives it, before processing'
                : 'processes them and holds the acknowledgements for a commit step';
          let text = `${r.text}; ${x.member} ${how}`;
          if (x.crash) {
            held.delete(key);
            const c = a.crash(x.group, x.member, now);
            text += `. It crashes ${x.crash === 'before-process' ? 'before processing' : 'after processing, before acknowledging'}: ${'text' in c ? c.text : c.why}`;
            text = crashed(x.member, text, mode === 'before' ? 0 : r.msgs.length);
          }
          return { text };
        }
        case 'commit': {
          const key = `${x.group}/${x.member}`;
          const msgs = held.get(key) ?? [];
          held.delete(key);
          a.settle(x.group, x.member, msgs, now);
          return {
            text:
              msgs.length === 0
                ? `${x.member} holds nothing unacknowledged: there is no offset to commit here, only acknowledgements`
                : `${x.member} acknowledges the ${msgs.length} message${msgs.length === 1 ? '' : 's'} it processed (the counterpart of committing its offsets)`,
          };
        }
        case 'join':
          return a.join(x.group, x.member, now);
        case 'leave': {
          const key = `${x.group}/${x.member}`;
          const msgs = held.get(key) ?? [];
          held.delete(key);
          return a.leave(x.group, x.member, msgs, now);
        }
        case 'crash': {
          const unacked = held.get(`${x.group}/${x.member}`)?.length ?? 0;
          held.delete(`${x.group}/${x.member}`);
          const c = a.crash(x.group, x.member, now);
          return 'text' in c ? { text: crashed(x.member, c.text, unacked) } : c;
        }
        case 'seek':
          return a.reset(x.group, x.topic, { offset: x.offset }, now);
        case 'reset-offsets':
          return a.reset(x.group, x.topic, x.to, now);
        case 'add-partitions':
          return { why: `${a.name} has no partitions to add: a queue or stream is one ordered sequence` };
        case 'compact':
          return { why: `${a.name} has no log compaction (keeping only the latest record per key)` };
        case 'restart-producer':
          return {
            why: `${a.name} publishers have no producer id or sequence numbers (Kafka's idempotence): a restart changes nothing the broker sees`,
          };
        case 'advance-time':
          return { text: `${x.ms / 1000} s pass on the simulated clock; timers that came due fired (see the effects)` };
        case 'note':
          return { text: 'A narration step: nothing happens on the broker' };
        case 'enqueue':
          return a.enqueue(x.queue, bodyOf(x.event), now);
        case 'receive': {
          const r = a.receive(x.queue, x.consumer, now);
          if ('why' in r) return r;
          const m = r.msgs[0];
          if (m) {
            holding.set(`${x.queue}/${x.consumer}`, m);
            deliveries.push({ group: x.queue, member: x.consumer, body: m.body, outcome: 'held', detail: m.detail });
          }
          return { text: r.text };
        }
        case 'ack':
        case 'nack': {
          const m = holding.get(`${x.queue}/${x.consumer}`);
          if (!m) return { text: `${x.consumer} holds no message to ${x.kind}` };
          holding.delete(`${x.queue}/${x.consumer}`);
          return x.kind === 'ack' ? a.ackQueue(x.queue, x.consumer, m, now) : a.nackQueue(x.queue, x.consumer, m, now);
        }
        case 'command':
        case 'race':
        case 'relay':
        case 'project':
        case 'rebuild':
        case 'query':
        case 'load':
          return {
            why: `an event-store step (${x.kind}): the event store and its read side are not the broker, and stay as they are whatever broker carries the events`,
          };
        default:
          return { why: `a ${x.kind} step has no counterpart on ${a.name}` };
      }
    }
  });
  return { mapping, frames, untranslated };
}
