/**
 * Replay: resend archived events to the bus that archived them — to all its rules or only to the rules
 * named. Events are processed by their time, one minute after another, in no guaranteed order within a
 * minute; each carries `replay-name`, and archives never record a replayed event again (EventBridge adds a
 * managed rule with `"replay-name": [{ "exists": false }]` to every archive).
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_StartReplay.html
 */
import { nextRandom } from '../sim/random';
import { rejected } from './admin';
import { REPLAY_INTERVAL_MS } from './constants';
import { deliverDue } from './deliver';
import { route } from './put';
import type { EbEffect, EbEvent, EbState, EbStep } from './types';

export interface ReplayRequest {
  name: string;
  archive: string;
  /** EventStartTime and EventEndTime: the archived events' times to replay, [start, end). */
  start: number;
  end: number;
  /** The destination bus: it must be the archive's own bus. */
  bus?: string;
  /** Only these rules (Destination.FilterArns); default all rules of the bus. */
  rules?: readonly string[];
}

export function startReplay(state: EbState, r: ReplayRequest, now: number): EbStep {
  const archive = state.archives.find((a) => a.name === r.archive);
  if (!archive) return rejected(state, `archive ${r.archive} does not exist`);
  if (r.bus !== undefined && r.bus !== archive.bus)
    return rejected(state, `events can be replayed only to the bus that archived them (${archive.bus})`);
  if (r.end <= r.start) return rejected(state, 'EventEndTime must be after EventStartTime');
  const chosen = archive.events.filter((e) => e.at >= r.start && e.at < r.end);
  const minutes = new Map<number, EbEvent[]>();
  for (const e of chosen) {
    const m = Math.floor((e.at - r.start) / REPLAY_INTERVAL_MS);
    minutes.set(m, [...(minutes.get(m) ?? []), e.event]);
  }
  let s = state;
  const effects: EbEffect[] = [];
  for (const m of [...minutes.keys()].sort((a, b) => a - b)) {
    const batch = [...minutes.get(m)!];
    if (s.quirks?.shuffle)
      for (let i = batch.length - 1; i > 0; i--) {
        const [v, rng] = nextRandom(s.rng);
        s = { ...s, rng };
        const j = Math.floor(v * (i + 1));
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
    for (const original of batch) {
      const event: EbEvent = { ...original, 'replay-name': r.name };
      effects.push({
        kind: 'eventbridge-replayed',
        replay: r.name,
        eventId: event.id,
        reason: `replay ${r.name} resends event ${event.id} (minute ${m + 1} of the range; order within a minute is not guaranteed)`,
      });
      s = route(s, archive.bus, event, now, effects, r.rules ?? null);
    }
  }
  s = deliverDue(s, now, effects);
  return { state: s, effects };
}
