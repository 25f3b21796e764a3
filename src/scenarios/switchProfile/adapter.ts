/**
 * What the runner (`run.ts`) asks of a target profile: the topology set up, and the few operations a
 * Kafka-shaped script is made of — publish, take messages for a member, settle them, crash, join, leave,
 * reset, and a work queue's enqueue/receive/ack/nack. Each adapter speaks to its profile's `apply()` only
 * and buffers the effects it gets back; an operation the profile has no counterpart for returns `{ why }`.
 */
import type { ScenarioDef } from '../schema';
import type { SwitchedDelivery, TargetProfile } from './types';

/** A message handed to a member: its body, the broker's handle to settle it, and the broker's words for it. */
export interface Msg {
  readonly body: string;
  readonly handle: string;
  readonly detail: string;
}

export type Outcome = { readonly text: string } | { readonly why: string };
export type Taken = { readonly text: string; readonly msgs: readonly Msg[] } | { readonly why: string };

export type ResetTo = 'earliest' | 'latest' | { offset: number } | { timestamp: number };

export interface ProfileAdapter {
  readonly profile: TargetProfile;
  /** The profile's name and the version or documentation date it models. */
  readonly name: string;
  state(): unknown;
  /** The effects since the last call, as the profile emitted them. */
  drain(): { kind: string; reason: string }[];
  /** Declares the topology; returns how each part was mapped, one line each. */
  setup(now: number): string[];
  /** Lets the profile's clock reach `now` (timers due fire: redeliveries, expiries). */
  tick(now: number): void;
  publish(topic: string, body: string, key: string | null, id: string, now: number): Outcome;
  /** Up to `max` messages for a group's member, from every topic the group reads. */
  take(group: string, member: string, max: number, now: number): Taken;
  /** Acknowledges messages the member processed (commit after, before, or a commit step). */
  settle(group: string, member: string, msgs: readonly Msg[], now: number): void;
  crash(group: string, member: string, now: number): Outcome;
  join(group: string, member: string, now: number): Outcome;
  /** A clean leave: `held` are messages it took and did not acknowledge. */
  leave(group: string, member: string, held: readonly Msg[], now: number): Outcome;
  reset(group: string, topic: string, to: ResetTo, now: number): Outcome;
  enqueue(queue: string, body: string, now: number): Outcome;
  receive(queue: string, consumer: string, now: number): Taken;
  ackQueue(queue: string, consumer: string, msg: Msg, now: number): Outcome;
  nackQueue(queue: string, consumer: string, msg: Msg, now: number): Outcome;
  /**
   * How long the broker leaves a crashed consumer's unacknowledged messages before redelivering them (NATS:
   * ack wait; SQS: visibility timeout; Pub/Sub: ack deadline). Where Kafka folds its session timeout into a
   * crash step, the runner folds this wait into the same step, so the redelivery comes when the real broker
   * would make it. Absent: redelivery needs no wait (RabbitMQ requeues when the connection closes) or there
   * is no consumer to crash (EventBridge invokes its targets).
   */
  readonly crashWaitMs?: number;
  /** Deliveries the broker made by itself since the last call (a push broker invoking its targets). */
  pushed?(): SwitchedDelivery[];
}

export type AdapterFactory = (scenario: ScenarioDef) => ProfileAdapter;

/**
 * The message body a record becomes: its event type and key (or stream id; a queue message has neither, so
 * its first text field), what learners recognise.
 */
export function bodyOf(event: { eventType: string; key?: string | null; streamId?: string; data?: object }): string {
  const first = Object.values(event.data ?? {}).find((v): v is string => typeof v === 'string');
  return `${event.eventType} ${event.key ?? event.streamId ?? first ?? ''}`.trim();
}

/** Names the brokers accept everywhere (NATS stream names and subjects are the strictest). */
export const safeName = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** The topics a group reads that exist in the topology. */
export const topicsOf = (s: ScenarioDef, group: string): string[] =>
  s.topology.groups.find((g) => g.id === group)?.topics.filter((t) => s.topology.topics.some((x) => x.name === t)) ??
  [];
