import { describe, expect, it } from 'vitest';
import type { Effect } from '../engine/types';
import { findBuiltin } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { isSetupStep, setupSummary } from './setupSummary';

const tp = (topic: string, partition: number) => ({ topic, partition });

describe('set-up in one line', () => {
  it('names the topics and, per group, who joined and what each member owns once the rebalances are over', () => {
    const effects: Effect[] = [
      { kind: 'topic-created', topic: 'orders', partitions: 3, reason: 'created' },
      { kind: 'member-joined', groupId: 'billing', memberId: 'billing-1', reason: 'joined' },
      { kind: 'rebalance-started', groupId: 'billing', generation: 1, protocol: 'eager', reason: 'r' },
      {
        kind: 'partitions-assigned',
        groupId: 'billing',
        memberId: 'billing-1',
        partitions: [tp('orders', 0), tp('orders', 1), tp('orders', 2)],
        reason: 'a',
      },
      { kind: 'rebalance-completed', groupId: 'billing', generation: 1, idleMembers: [], reason: 'c' },
      { kind: 'member-joined', groupId: 'billing', memberId: 'billing-2', reason: 'joined' },
      {
        kind: 'partitions-revoked',
        groupId: 'billing',
        memberId: 'billing-1',
        partitions: [tp('orders', 0), tp('orders', 1), tp('orders', 2)],
        reason: 'eager',
      },
      {
        kind: 'partitions-assigned',
        groupId: 'billing',
        memberId: 'billing-1',
        partitions: [tp('orders', 0), tp('orders', 1)],
        reason: 'a',
      },
      {
        kind: 'partitions-assigned',
        groupId: 'billing',
        memberId: 'billing-2',
        partitions: [tp('orders', 2)],
        reason: 'a',
      },
      { kind: 'member-joined', groupId: 'audit', memberId: 'audit-1', reason: 'joined' },
      { kind: 'partitions-assigned', groupId: 'audit', memberId: 'audit-1', partitions: [], reason: 'a' },
    ];
    expect(setupSummary(effects)).toBe(
      'Set-up: topic orders (3 partitions) created; billing-1 and billing-2 joined billing ' +
        '(billing-1 got orders-0, 1; billing-2 got orders-2); audit-1 joined audit and got no partition (idle)',
    );
  });

  it('a cooperative rebalance that only adds partitions adds them to what the member had', () => {
    const effects: Effect[] = [
      { kind: 'topic-created', topic: 'a', partitions: 1, reason: 'created' },
      { kind: 'topic-created', topic: 'b', partitions: 2, reason: 'created' },
      { kind: 'member-joined', groupId: 'g', memberId: 'm', reason: 'joined' },
      { kind: 'partitions-assigned', groupId: 'g', memberId: 'm', partitions: [tp('a', 0)], reason: 'a' },
      { kind: 'partitions-assigned', groupId: 'g', memberId: 'm', partitions: [tp('b', 1), tp('b', 0)], reason: 'a' },
    ];
    expect(setupSummary(effects)).toBe(
      'Set-up: topics a (1 partition) and b (2 partitions) created; m joined g and got a-0 and b-0, 1',
    );
  });

  it('what set-up did beyond topics and groups follows as its stages’ own lines', () => {
    const effects: Effect[] = [
      { kind: 'topic-created', topic: 't', partitions: 1, reason: 'created' },
      {
        kind: 'record-appended',
        topic: 't',
        partition: 0,
        offset: 0,
        key: null,
        producerId: 'seed',
        eventId: null,
        choice: { kind: 'explicit', partition: 0 },
        reason: 'seeded',
      },
    ];
    expect(setupSummary(effects)).toBe('Set-up: topic t (1 partition) created; seed sends 1 record; Lands at t-0 @0');
  });

  it('is written from each built-in’s own starting point, and only step 0 is set-up', () => {
    const pubsub = new Stepper(findBuiltin('pubsub-basics')!, []);
    expect(setupSummary(pubsub.at(0).effects)).toBe(
      'Set-up: topic orders (3 partitions) created; billing-1 and billing-2 joined billing ' +
        '(billing-1 got orders-0, 1; billing-2 got orders-2); analytics-1 joined analytics and got orders-0, 1, 2',
    );
    expect(isSetupStep(0, pubsub.at(0).effects)).toBe(true);
    expect(isSetupStep(1, pubsub.at(1).effects)).toBe(false);
    expect(isSetupStep(0, [])).toBe(false);
  });
});
