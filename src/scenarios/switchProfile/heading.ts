/**
 * A switched step's heading, told from what the target broker did in it (its deliveries and effects), never
 * the Kafka original's title: "Same key, same partition" or "an eager rebalance" would be false on a broker
 * with neither. The original's title stays beside it as "On Kafka: …".
 */
import type { ActionDef } from '../schema';
import { bodyOf } from './adapter';
import type { SwitchedDelivery } from './types';

interface Seen {
  readonly translated: string | null;
  readonly deliveries: readonly SwitchedDelivery[];
  readonly effects: readonly { readonly kind: string }[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const count = (f: Seen, kind: RegExp) => f.effects.filter((e) => kind.test(e.kind)).length;

/** Up to three bodies, then how many more. */
function list(bodies: readonly string[]): string {
  const shown = bodies.slice(0, 3).join(', ');
  return bodies.length > 3 ? `${shown} and ${bodies.length - 3} more` : shown;
}

function pollHeading(
  member: string,
  mine: readonly SwitchedDelivery[],
  crash: 'before-process' | 'after-process' | undefined,
) {
  if (mine.length === 0) return `${member} gets nothing`;
  const bodies = mine.map((d) => d.body);
  if (mine.some((d) => d.outcome === 'lost (acknowledged before processing)'))
    return `${member} acknowledges ${list(bodies)} before processing, then crashes: ${mine.length === 1 ? 'it is' : 'they are'} lost`;
  if (crash === 'before-process') return `${member} takes ${list(bodies)} and crashes before processing`;
  const again = mine.filter((d) => /redelivered/.test(d.detail));
  const skipped = mine.filter((d) => /skipped/.test(d.detail));
  let h =
    again.length > 0
      ? `${member} gets ${list(again.map((d) => d.body))} again (redelivered)${mine.length > again.length ? ` and ${plural(mine.length - again.length, 'new message')}` : ''}`
      : `${member} handles ${list(bodies)}`;
  if (skipped.length > 0)
    h += `; it skips ${skipped.length === 1 ? 'the one' : `the ${skipped.length}`} it processed before`;
  if (crash === 'after-process') h += ', then crashes before acknowledging';
  else if (mine.every((d) => d.outcome === 'held')) h += ', holding the acknowledgements';
  return h;
}

export function headingOf(x: ActionDef, f: Seen, profileName: string): string {
  // A heading is short: the broker without the version or documentation date its full name carries.
  const broker = profileName.replace(/ \(.*\)$/, '');
  if (f.translated === null) return `Not carried over to ${broker}`;
  const due = count(f, /requeued|redelivery-due/);
  const dueText = due > 0 ? `; ${plural(due, 'message')} ${due === 1 ? 'is' : 'are'} due for redelivery` : '';
  switch (x.kind) {
    case 'publish': {
      if (count(f, /duplicate/) > 0) return `${broker} drops the resend as a duplicate`;
      const body = bodyOf(x.event);
      const h = x.retry ? `The resend of ${body} is stored again, as a second message` : `${body} is published`;
      // A push broker (EventBridge) hands it to its targets in the same step.
      const to = [...new Set(f.deliveries.map((d) => d.member))];
      return to.length > 0 ? `${h}; ${broker} invokes ${to.join(', ')}` : h;
    }
    case 'poll':
      return (
        pollHeading(
          x.member,
          f.deliveries.filter((d) => d.member === x.member),
          x.crash,
        ) + dueText
      );
    case 'commit':
      return /holds nothing/.test(f.translated)
        ? `${x.member} has nothing to acknowledge`
        : `${x.member} acknowledges what it processed`;
    case 'join':
      return `${x.member} starts consuming`;
    case 'leave':
      return `${x.member} stops consuming${dueText}`;
    case 'crash':
      return `${x.member} crashes${dueText}`;
    case 'seek':
    case 'reset-offsets':
      return `${x.group}'s consumer is created again to read from another point`;
    case 'advance-time':
      return `${x.ms / 1000} s pass${dueText}`;
    case 'note':
      return 'Narration only: nothing happens on the broker';
    case 'enqueue':
      return `${bodyOf(x.event)} is queued`;
    case 'receive': {
      const got = f.deliveries.find((d) => d.member === x.consumer);
      return got
        ? `${x.consumer} takes ${got.body}${/redelivered/.test(got.detail) ? ' again (redelivered)' : ''}`
        : `${x.consumer} finds nothing`;
    }
    case 'ack':
    case 'nack':
      if (/holds no message/.test(f.translated)) return `${x.consumer} holds nothing to ${x.kind}`;
      return x.kind === 'ack' ? `${x.consumer} acknowledges its message` : `${x.consumer} hands its message back`;
    default:
      return f.translated;
  }
}
