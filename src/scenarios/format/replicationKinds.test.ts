import { expect, it } from 'vitest';
import { REPLICATION_ACTIONS, REPLICATION_EXPECTATIONS } from './replication';
import { REPLICATION_KINDS } from './replicationKinds';

it('the plain list of replication kinds is exactly the kinds of the replication actions and expectations', () => {
  const fromSchema = new Set([...REPLICATION_ACTIONS, ...REPLICATION_EXPECTATIONS].map((o) => o.shape.kind.value));
  expect([...REPLICATION_KINDS].sort()).toEqual([...fromSchema].sort());
});
