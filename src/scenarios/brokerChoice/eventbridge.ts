/**
 * The story on Amazon EventBridge (src/engine/eventbridge), through its `apply()` only: a custom bus
 * `orders`, one rule per service matching the order service's events, each with its service's endpoint as
 * target and a DLQ; billing's target retries twice (MaximumRetryAttempts 2), the others keep the defaults
 * (185 retries / 24 h); an archive of the bus from the start, replayed to the new service's rule. The
 * quirks of the profile are on: at-least-once, no ordering.
 *
 * Each service's target stands for an HTTP endpoint (an API destination), whose failed calls EventBridge
 * retries; a Lambda target invoked asynchronously would instead report success and leave retries to Lambda.
 * EventBridge pushes to targets: there is no acknowledgement deadline, so the slow consumer changes
 * nothing here. The profile's targets fail per endpoint (`set-health`), not per event, so the adapter
 * stands for "billing fails on the poison" by making billing's endpoint fail at exactly the moments of
 * the poison's attempts (the effects show the switches), and for "shipping crashed" by making shipping's
 * endpoint fail until it is back.
 */
import { apply, createEventBridge, type EbEffect, type EbRequest, type EbState } from '../../engine/eventbridge';
import { BeatRecorder, playStory } from './recorder';
import { CRASH_RESTART_MS, eventById, NEW_SERVICE, REPLAY_WINDOW_MS, SERVICES, type Beat } from './story';
import type { ProfileRun } from './types';

const BUS = 'orders';
const ARCHIVE = 'orders-archive';
const BILLING_RETRIES = 2;
const PATTERN = { source: ['order-service'] };

class EbRun {
  s: EbState = createEventBridge({ seed: 1 });
  rec = new BeatRecorder('setup');
  /** EventBridge's event id → the story event it carries. */
  events: Record<string, string> = {};
  /** Whose first failed attempt counts as "handled, then crashed" (shipping, during the crash). */
  crashing = new Set<string>();
  /** The story event being put right now. */
  private putting: string | null = null;

  do(r: EbRequest, now: number): EbEffect[] {
    const step = apply(this.s, r, now);
    this.s = step.state;
    this.rec.note(step.effects);
    for (const e of step.effects) {
      // A put delivers within the same request, so the id is mapped before its deliveries are read.
      if (e.kind === 'eventbridge-put' && this.putting) this.events[e.eventId] = this.putting;
      if (e.kind === 'eventbridge-delivered') this.delivered(e.rule, e.eventId, 'processed', e.attempt, e.duplicate);
      if (e.kind === 'eventbridge-attempt-failed') {
        const crash = this.crashing.has(e.rule);
        if (!crash || e.attempt === 1)
          this.delivered(e.rule, e.eventId, crash ? 'crashed' : 'failed', e.attempt, false);
      }
      if (e.kind === 'eventbridge-dead-lettered')
        this.rec.gaveUp.push({
          service: e.rule,
          eventId: this.events[e.eventId]!,
          deadLetter: e.deadLetterQueue,
          reason: e.reason,
        });
    }
    return step.effects;
  }

  delivered(service: string, ebId: string, outcome: 'processed' | 'failed' | 'crashed', attempt: number, dup: boolean) {
    const event = eventById(this.events[ebId]!);
    this.rec.deliveries.push({
      service,
      eventId: event.id,
      label: event.label,
      outcome,
      detail: `event ${ebId}, attempt ${attempt}${dup ? ', invoked again (at least once)' : ''}`,
    });
  }

  put(id: string, now: number) {
    const e = eventById(id);
    this.putting = id;
    this.do(
      {
        kind: 'put-events',
        entries: [{ source: 'order-service', detailType: e.type, detail: { order: e.order }, bus: BUS }],
      },
      now,
    );
    this.putting = null;
  }
}

function beat(run: EbRun, b: Beat) {
  const t = b.at;
  switch (b.id) {
    case 'setup':
      run.do({ kind: 'create-bus', name: BUS }, t);
      run.do({ kind: 'create-archive', name: ARCHIVE, bus: BUS, pattern: PATTERN }, t);
      for (const x of SERVICES) {
        run.do({ kind: 'put-rule', name: x, bus: BUS, pattern: PATTERN }, t);
        run.do(
          {
            kind: 'put-targets',
            rule: x,
            targets: [
              {
                id: x,
                endpoint: x,
                deadLetterQueue: `${x}-dlq`,
                ...(x === 'billing' ? { maxRetryAttempts: BILLING_RETRIES } : {}),
              },
            ],
          },
          t,
        );
      }
      return;
    case 'crash': {
      run.crashing.add('shipping');
      run.do({ kind: 'set-health', endpoint: 'shipping', health: 'failing' }, t);
      for (const e of b.publish) run.put(e.id, t);
      const back = t + CRASH_RESTART_MS;
      run.do({ kind: 'set-health', endpoint: 'shipping', health: 'ok' }, back);
      run.crashing.delete('shipping');
      // The next retries after shipping is back succeed.
      run.do({ kind: 'advance' }, back + CRASH_RESTART_MS);
      return;
    }
    case 'poison': {
      // Billing's endpoint fails at each attempt on the poison, and only then: the other events reach it at once.
      const [poison, ...rest] = b.publish;
      run.do({ kind: 'set-health', endpoint: 'billing', health: 'failing' }, t);
      run.put(poison!.id, t);
      run.do({ kind: 'set-health', endpoint: 'billing', health: 'ok' }, t);
      for (const e of rest) run.put(e.id, t);
      for (let i = 0; i < BILLING_RETRIES; i++) {
        const next = run.s.pending.find((p) => p.rule === 'billing' && run.events[p.event.id] === poison!.id);
        if (!next) break;
        // A millisecond before the attempt: each request first runs the attempts already due.
        run.do({ kind: 'set-health', endpoint: 'billing', health: 'failing' }, next.nextAt - 1);
        run.do({ kind: 'advance' }, next.nextAt);
        run.do({ kind: 'set-health', endpoint: 'billing', health: 'ok' }, next.nextAt);
      }
      return;
    }
    case 'replay':
      run.do({ kind: 'put-rule', name: NEW_SERVICE, bus: BUS, pattern: PATTERN }, t);
      run.do({ kind: 'put-targets', rule: NEW_SERVICE, targets: [{ id: NEW_SERVICE, endpoint: NEW_SERVICE }] }, t);
      run.do(
        {
          kind: 'start-replay',
          name: 'audit-last-week',
          archive: ARCHIVE,
          start: t - REPLAY_WINDOW_MS,
          end: t,
          bus: BUS,
          rules: [NEW_SERVICE],
        },
        t,
      );
      return;
    default:
      for (const e of b.publish) run.put(e.id, t);
  }
}

export function runEventbridge(): ProfileRun {
  const run = new EbRun();
  const steps = playStory(run, beat);
  const rules = run.s.rules.filter((r) => r.bus === BUS).map((r) => r.name);
  const archive = run.s.archives.find((a) => a.name === ARCHIVE)!;
  return {
    profile: 'eventbridge',
    name: 'Amazon EventBridge',
    version: 'AWS documentation as read on 2026-12-05',
    steps,
    facts: {
      fanOut: `bus '${BUS}': one rule per service (${rules.join(', ')}), each matching the order service's events and invoking that service's target (an HTTP endpoint: a failed call is retried, then sent to the target's DLQ)`,
      retention: `nothing is kept on the bus once delivered; the archive '${ARCHIVE}' keeps ${archive.retentionMs === null ? 'everything (no retention set)' : `${archive.retentionMs / 86_400_000} days`}`,
      replayHow: `a new rule '${NEW_SERVICE}' and a replay of the archive '${ARCHIVE}' from 7 days back to that rule only`,
    },
  };
}
