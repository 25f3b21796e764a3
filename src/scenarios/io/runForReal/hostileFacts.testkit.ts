/** Test support: hand-made run facts with hostile text where a scenario allows free text (keys, values, title). */
import type { RunFacts } from './runFacts';

export const HOSTILE = '"); process.exit(7); //\n`${process.exit(8)}`</script>\u2028\'';

export function hostileFacts(): RunFacts {
  return {
    scenarioId: 'amq.x',
    title: `Hostile ${HOSTILE}`,
    steps: 3,
    topics: [
      { name: 'amq.gen', partitions: 3, created: 3 },
      { name: 'a.b', partitions: 1, created: 1 },
      { name: 'a_b', partitions: 1, created: 1 },
    ],
    records: [
      {
        n: 1,
        topic: 'amq.gen',
        partition: 2,
        offset: 0,
        key: HOSTILE,
        value: { text: HOSTILE },
        placement: 'key',
        partitionCount: 3,
        step: 1,
      },
      {
        n: 2,
        topic: 'a.b',
        partition: 0,
        offset: 0,
        key: null,
        value: HOSTILE,
        placement: 'sticky',
        partitionCount: null,
        step: 2,
      },
      {
        n: 3,
        topic: 'a_b',
        partition: 0,
        offset: 0,
        key: 'k 1.*>',
        value: null,
        placement: 'explicit',
        partitionCount: null,
        step: 3,
      },
    ],
    groups: [{ id: 'amq.g', topics: ['amq.gen', 'a.b', 'a_b'], members: ['m-1'], received: [{ n: 1, member: 'm-1' }] }],
    transactional: 0,
    queues: [],
  };
}
