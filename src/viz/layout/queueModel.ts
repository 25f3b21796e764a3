/**
 * A classic queue as text-first data: messages waiting vs in flight (held by which consumer, after
 * how many attempts) and what this step did to it. Acknowledged messages are gone, as in a queue.
 */
import type { QueueState } from '../../engine/broker/queue';
import type { Effect } from '../../engine/types';
import { formatValue } from './formatValue';

export interface QueueMessageVM {
  messageId: string;
  summary: string;
  attempts: number;
  heldBy: string | null;
  /** Lease time left in ms for a message in flight. */
  leaseLeftMs: number | null;
  /** This step enqueued, delivered or returned it. */
  touched: boolean;
}

export interface QueueEventVM {
  key: string;
  kind: 'enqueued' | 'delivered' | 'acked' | 'nacked' | 'redelivered';
  messageId: string;
  reason: string;
}

export interface QueueVM {
  name: string;
  visibilityTimeoutMs: number;
  consumers: { id: string; holding: string[] }[];
  waiting: QueueMessageVM[];
  inFlight: QueueMessageVM[];
  events: QueueEventVM[];
}

export function summariseBody(body: unknown): string {
  if (body && typeof body === 'object' && 'eventType' in body) {
    const b = body as { eventType: unknown; data?: unknown };
    const data =
      b.data && typeof b.data === 'object'
        ? Object.values(b.data as Record<string, unknown>)
            .slice(0, 2)
            .map(formatValue)
            .join(', ')
        : '';
    return data ? `${formatValue(b.eventType)} (${data})` : formatValue(b.eventType);
  }
  const text = formatValue(body);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const QUEUE_KINDS = {
  'queue-enqueued': 'enqueued',
  'queue-delivered': 'delivered',
  'queue-acked': 'acked',
  'queue-nacked': 'nacked',
  'queue-redelivered': 'redelivered',
} as const;

export function layoutQueues(
  queues: Readonly<Record<string, QueueState>>,
  consumersOf: Readonly<Record<string, readonly string[]>>,
  effects: readonly Effect[],
  now: number,
): QueueVM[] {
  return Object.values(queues).map((q) => {
    const events: QueueEventVM[] = effects.flatMap((e, i) =>
      'queue' in e && e.queue === q.name && e.kind in QUEUE_KINDS
        ? [
            {
              key: `${i}`,
              kind: QUEUE_KINDS[e.kind as keyof typeof QUEUE_KINDS],
              messageId: (e as { messageId: string }).messageId,
              reason: e.reason,
            },
          ]
        : [],
    );
    const touched = new Set(events.map((e) => e.messageId));
    const messages = q.messages.map((m): QueueMessageVM => ({
      messageId: m.messageId,
      summary: summariseBody(m.body),
      attempts: m.attempts,
      heldBy: m.heldBy,
      leaseLeftMs: m.heldBy !== null && m.leaseExpiresAt !== null ? Math.max(0, m.leaseExpiresAt - now) : null,
      touched: touched.has(m.messageId),
    }));
    const ids = [...(consumersOf[q.name] ?? []), ...messages.flatMap((m) => (m.heldBy ? [m.heldBy] : []))];
    const consumers = [...new Set(ids)].map((id) => ({
      id,
      holding: messages.filter((m) => m.heldBy === id).map((m) => m.messageId),
    }));
    return {
      name: q.name,
      visibilityTimeoutMs: q.visibilityTimeoutMs,
      consumers,
      waiting: messages.filter((m) => m.heldBy === null),
      inFlight: messages.filter((m) => m.heldBy !== null),
      events,
    };
  });
}
