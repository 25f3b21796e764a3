/**
 * A consumer group whose application keeps one row per entity with the version last applied
 * (`ordering` in the group's spec): each processed record's event goes through the version check of
 * `engine/broker/outOfOrder.ts`, and an event the `park` policy sets aside is published to the parking
 * topic with its key, so the group reads it back later, after the records that overtook it.
 */
import * as broker from '../../engine/broker';
import { applyVersioned, EMPTY_VERSIONED } from '../../engine/broker/outOfOrder';
import { appOf, putApp } from '../../engine/broker/delivery';
import type { FetchedRecord } from '../../engine/broker';
import type { BrokerEffect, Effect } from '../../engine/types';
import type { ScenarioDef } from '../schema';
import type { World } from '../world';

type Ordering = NonNullable<ScenarioDef['topology']['groups'][number]['ordering']>;

export function checkOrder(
  world: World,
  ordering: Ordering,
  groupId: string,
  memberId: string,
  r: FetchedRecord,
  event: { eventType: string; data: unknown },
): { world: World; effects: Effect[] } {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const entity = data[ordering.entityField];
  const version = data[ordering.versionField];
  const from = `${r.topic}-${r.partition}@${r.offset}`;
  if (typeof entity !== 'string' || typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: 'version-check',
          target: from,
          error: 'no entity or version',
          reason: `${memberId} cannot check ${event.eventType} at ${from}: it has no text "${ordering.entityField}" or no whole "${ordering.versionField}" from 1 up`,
        },
      ],
    };
  const app = appOf(world.broker, groupId);
  const fields = Object.fromEntries(Object.entries(data).filter(([k]) => k !== ordering.entityField));
  const res = applyVersioned(
    app.versioned ?? EMPTY_VERSIONED,
    { entity, version, eventType: event.eventType, fields, from },
    ordering.policy,
  );
  let b = putApp(world.broker, groupId, { ...app, versioned: res.store });
  const effects: Effect[] = [];
  for (const c of res.checks) {
    effects.push({
      kind: 'version-checked',
      groupId,
      memberId,
      entity: c.event.entity,
      version: c.event.version,
      outcome: c.outcome,
      reason: `${memberId} ${c.reason}`,
    });
    if (c.outcome !== 'parked' || !ordering.parkingTopic) continue;
    // The same record, sent on: a new record (its own offset and id) that says where it came from.
    const sent = broker.produce(
      b,
      {
        topic: ordering.parkingTopic,
        key: r.key,
        value: r.value,
        headers: { ...r.headers, parkedFrom: from },
        producerId: `${groupId}-parking`,
      },
      world.time,
    );
    b = sent.state;
    effects.push(...sent.effects);
  }
  return { world: { ...world, broker: b }, effects };
}

/** A duplicate delivery to a version-checking group: its version check, not the delivery, decides what happens. */
export const checkedDuplicate = (e: BrokerEffect): BrokerEffect =>
  e.kind === 'record-processed' && e.duplicate
    ? {
        ...e,
        reason: `${e.memberId} got the event at ${e.topic}-${e.partition}@${e.offset} again: a duplicate delivery, and its version check decides whether it changes the row`,
      }
    : e;
