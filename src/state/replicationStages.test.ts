import { describe, expect, it } from 'vitest';
import * as r from '../engine/replication';
import { setupSummary } from './setupSummary';
import { planStages } from './stagePlan';

describe('replication effects in the stage plan', () => {
  it('step 0 names the replicated topic in its set-up line', () => {
    const { effects } = r.createReplicatedTopic(r.createCluster(), { name: 'pay', replicationFactor: 3 });
    expect(setupSummary(effects)).toBe('Set-up: pay: 1 partition(s), each on 3 broker(s)');
  });

  it('a refused acks=all write is a refusal; a crash and its election fold into one stage', () => {
    let s = r.createReplicatedTopic(r.createCluster(), {
      name: 'pay',
      replicationFactor: 3,
      minInsyncReplicas: 2,
    }).state;
    s = r.crashBroker(r.crashBroker(s, 2, 1).state, 3, 2).state;
    const refused = r.produce(s, { producer: 'co', topic: 'pay', partition: 0, value: 'x', acks: 'all' }, 3);
    expect(planStages(refused.effects).map((x) => x.kind)).toEqual(['other', 'refuse']);
    const crash = r.crashBroker(s, 1, 4);
    expect(planStages(crash.effects).map((x) => x.kind)).toEqual(['other']);
  });
});
