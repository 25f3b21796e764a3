import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../../engine/types';
import { findBuiltin } from '../content';
import { forkScenario } from '../fork';
import { Stepper } from '../stepper';
import { faultAvailability } from './availability';

// Durability: acks, replicas and leader failover — step 6 has checkout write pay-2 with acks=all while
// broker 1 is down, step 7 has broker 3 copy it.
const durability = () => findBuiltin('durability')!;

describe('Kill broker and Restart broker in a scenario with replicated topics', () => {
  it('given the leader of payments-0 and a follower in sync, when the leader is killed, a new leader is elected from the ISR', () => {
    const s = durability();
    const before = new Stepper(s, []).at(8).world;
    const leader = before.replication!.partitions['payments-0']!.leader!;
    expect(faultAvailability(s, before)['Kill broker']).toBeNull();
    const run = new Stepper(s, [{ kind: 'kill-broker', atStep: 8, broker: leader }]);
    const step = run.at(9);
    expect(step.narration.title).toBe(`You killed broker ${leader}`);
    expect(step.effects.map((e) => e.kind)).toContain('broker-crashed');
    const elected = step.effects.find((e) => e.kind === 'leader-elected');
    expect(elected, 'a leader is elected').toBeDefined();
    expect(step.world.replication!.online[leader]).toBe(false);
    expect(step.world.replication!.partitions['payments-0']!.leader).not.toBe(leader);
    expect(run.at(run.lastStep).world.step).toBe(run.lastStep);
  });

  it('when a down broker is restarted it rejoins; the button says why when every broker is running', () => {
    const s = durability();
    const atOne = new Stepper(s, []).at(1).world;
    expect(faultAvailability(s, atOne)['Restart broker']).toBe('Every broker is running at step 1: kill one first.');
    const run = new Stepper(s, [{ kind: 'restart-broker', atStep: 5, broker: 1 }]);
    const step = run.at(6);
    expect(step.narration.title).toBe('You restarted broker 1');
    expect(step.world.replication!.online[1]).toBe(true);
  });

  it('a kill of a broker already down changes nothing and says why', () => {
    const run = new Stepper(durability(), [{ kind: 'kill-broker', atStep: 2, broker: 1 }]);
    const step = run.at(3);
    expect(step.effects).toEqual([
      expect.objectContaining({ kind: 'request-rejected', error: 'broker 1 is already down' }),
    ]);
  });

  it('a fork carries a killed broker as the format’s crash-broker step and replays to the same cluster', () => {
    const s = durability();
    const inputs: LearnerInput[] = [{ kind: 'kill-broker', atStep: 8, broker: 2 }];
    const run = new Stepper(s, inputs);
    const fork = forkScenario(s, inputs, 9, { id: 'durability-fork-1', title: 'My fork' });
    expect(fork.steps[8]!.action).toEqual({ kind: 'crash-broker', broker: 2 });
    expect(new Stepper(fork, []).at(9).world.replication).toEqual(run.at(9).world.replication);
  });

  it('in a scenario without replicas the buttons stay disabled and say so', () => {
    const s = findBuiltin('pubsub-basics')!;
    const a = faultAvailability(s, new Stepper(s, []).at(4).world);
    expect(a['Kill broker']).toMatch(/^This scenario models one broker without replicas;/);
    expect(a['Restart broker']).toMatch(/^This scenario models one broker without replicas;/);
  });
});
