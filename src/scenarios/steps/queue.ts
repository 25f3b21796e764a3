/** Classic queue steps: enqueue, receive (competing consumers), ack (gone for good), nack (back again). */
import * as q from '../../engine/broker/queue';
import type { Effect } from '../../engine/types';
import { nextEventId } from '../ids';
import type { ActionDef } from '../schema';
import type { World } from '../world';

type QueueAction = Extract<ActionDef, { kind: 'enqueue' | 'receive' | 'ack' | 'nack' }>;

export function queueStep(world: World, action: QueueAction): { world: World; effects: Effect[] } {
  const queue = world.queues[action.queue]!;
  const put = (state: q.QueueState, effects: Effect[], w: World = world) => ({
    world: { ...w, queues: { ...w.queues, [action.queue]: state } },
    effects,
  });
  switch (action.kind) {
    case 'enqueue': {
      const [id, rng] = nextEventId(world.rng);
      const r = q.enqueue(
        queue,
        { eventType: action.event.eventType, data: action.event.data },
        world.time,
        `msg-${id.slice(0, 8)}`,
      );
      return put(r.state, r.effects, { ...world, rng });
    }
    case 'receive': {
      const r = q.deliver(queue, action.consumer, world.time);
      const none: Effect[] = r.message
        ? []
        : [
            {
              kind: 'fault-injected',
              fault: 'empty-queue',
              target: action.queue,
              reason: `${action.consumer} asked ${action.queue} for a message, but none is waiting`,
            },
          ];
      return put(r.state, [...r.effects, ...none]);
    }
    case 'ack':
    case 'nack': {
      const held = queue.messages.find((m) => m.heldBy === action.consumer);
      if (!held)
        return put(queue, [
          {
            kind: 'fault-injected',
            fault: 'nothing-held',
            target: action.queue,
            reason: `${action.consumer} holds no message from ${action.queue} to ${action.kind}`,
          },
        ]);
      const r =
        action.kind === 'ack'
          ? q.ack(queue, held.messageId, action.consumer, world.time)
          : q.nack(queue, held.messageId, action.consumer, world.time);
      return put(r.state, r.effects);
    }
  }
}
