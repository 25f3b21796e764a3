/**
 * Test support: the input the Faults panel would send for an offered fault, with the first choice of each field
 * (used by the tests that run every offered fault over every built-in).
 */
import type { LearnerInput } from '../../engine/types';
import type { World } from '../world';
import { brokersThatAre, producersWithSends, type FaultName } from './availability';

export function faultInputFor(
  name: FaultName,
  world: World,
  projections: readonly string[],
  atStep: number,
): LearnerInput | null {
  const group = Object.values(world.broker.groups).find((g) => Object.keys(g.members).length > 0);
  const who = group ? { groupId: group.groupId, memberId: Object.keys(group.members).sort()[0]! } : null;
  const topic = Object.keys(world.broker.topics).find((t) => !t.endsWith('.DLT'));
  switch (name) {
    case 'Crash consumer':
      return who && { kind: 'crash-consumer-before-commit', atStep, ...who };
    case 'Pause consumer':
      return who && { kind: 'pause-consumer', atStep, ...who, steps: 3 };
    case 'Slow consumer':
      return who && { kind: 'slow-consumer', atStep, ...who, processingMs: 600_000 };
    case 'Duplicate delivery':
      return who && { kind: 'duplicate-delivery', atStep, ...who };
    case 'Poison message':
      return topic ? { kind: 'poison-message', atStep, topic, key: 'poison-1' } : null;
    case 'Drop producer connection': {
      const producerId = producersWithSends(world)[0];
      return producerId ? { kind: 'drop-producer-connection', atStep, producerId } : null;
    }
    case 'Slow projection':
      return projections[0]
        ? { kind: 'slow-projection', atStep, projection: projections[0], lagMs: 5000, steps: 3 }
        : null;
    case 'Kill broker': {
      const broker = brokersThatAre(world, true)[0];
      return broker === undefined ? null : { kind: 'kill-broker', atStep, broker };
    }
    case 'Restart broker': {
      const broker = brokersThatAre(world, false)[0];
      return broker === undefined ? null : { kind: 'restart-broker', atStep, broker };
    }
  }
}
