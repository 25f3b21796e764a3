import { describe, expect, it } from 'vitest';
import * as r from '../../engine/replication';
import { layoutReplicas } from './replicasModel';

const topic = () =>
  r.createReplicatedTopic(r.createCluster(), { name: 'pay', replicationFactor: 3, minInsyncReplicas: 2 }).state;

describe('layoutReplicas', () => {
  it('labels each broker’s copy in words: role, up or down, ISR, log end', () => {
    const produced = r.produce(topic(), { producer: 'pos', topic: 'pay', partition: 0, value: 'pay-1', acks: 1 }, 1);
    const [m] = layoutReplicas(produced.state, produced.effects);
    expect(m!.rows.map((x) => x.label)).toEqual([
      'broker 1 · leader · in ISR · log end 1',
      'broker 2 · follower · in ISR · log end 0',
      'broker 3 · follower · in ISR · log end 0',
    ]);
    expect(m!.rows[0]!.cells[0]).toMatchObject({ value: 'pay-1', committed: false, diverged: false });
    expect(m!.acks).toMatchObject([{ tone: 'arrived', title: 'ack arrives' }]);
    expect(m!.columns).toBe(2);
  });

  it('a crashed leader’s uncopied record is marked as not in the new leader’s log', () => {
    const produced = r.produce(topic(), { producer: 'pos', topic: 'pay', partition: 0, value: 'pay-1', acks: 1 }, 1);
    const crashed = r.crashBroker(produced.state, 1, 2);
    const [m] = layoutReplicas(crashed.state, crashed.effects);
    expect(m!.rows[0]!.label).toBe('broker 1 · follower · down · out of ISR · log end 1');
    expect(m!.rows[0]!.cells[0]!.label).toContain("not in the leader's log: it will be truncated");
    expect(m!.diverged).toEqual([{ broker: 1, offset: 0, value: 'pay-1' }]);
    expect(m!.leader).toBe(2);
  });

  it('acks=all: waiting while a follower lacks it; refused with NOT_ENOUGH_REPLICAS below min ISR', () => {
    const sent = r.produce(topic(), { producer: 'co', topic: 'pay', partition: 0, value: 'pay-2', acks: 'all' }, 1);
    expect(layoutReplicas(sent.state, sent.effects)[0]!.acks).toMatchObject([{ tone: 'waiting' }]);
    // The next step has no effect about it, yet the request still waits: the view says so from the state.
    expect(layoutReplicas(sent.state, [])[0]!.acks).toMatchObject([{ tone: 'waiting' }]);
    let s = r.crashBroker(r.crashBroker(topic(), 2, 1).state, 3, 2).state;
    const refused = r.produce(s, { producer: 'co', topic: 'pay', partition: 0, value: 'x', acks: 'all' }, 3);
    s = refused.state;
    expect(layoutReplicas(s, refused.effects)[0]!.acks).toMatchObject([
      { tone: 'refused', title: 'refused: NOT_ENOUGH_REPLICAS' },
    ]);
  });
});
