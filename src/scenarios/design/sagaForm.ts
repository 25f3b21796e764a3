/**
 * The form of an orchestrated saga (`topology.sagas`, `format/sagas.ts`): its id, title and initial state; the
 * state chart itself (states by name, each with its commands, replies, timeout and outcome) is edited as JSON,
 * the shape of an XState machine config, because a map of named states has no list form.
 */
import { field, freshName, objects, str } from './draftNames';
import { type ItemDef } from './formTypes';

export const sagaItem: ItemDef = {
  noun: 'saga',
  title: (s) => {
    const states = field(s, 'states');
    const n = states && typeof states === 'object' ? Object.keys(states).length : 0;
    return `${str(field(s, 'title'), str(field(s, 'id'), '(unnamed)'))} · ${n} state(s)`;
  },
  fields: [
    { key: 'id', kind: 'text' },
    { key: 'title', kind: 'text' },
    { key: 'initial', kind: 'text' },
    { key: 'states', kind: 'json' },
  ],
  // The smallest valid chart: a request, and the reply that completes it.
  make: (doc) => ({
    id: freshName(
      objects(doc, ['topology', 'sagas']).map((s) => str(s.id)),
      'saga',
    ),
    title: 'A new saga',
    initial: 'requested',
    states: {
      requested: { on: { StepSucceeded: 'done' } },
      done: { type: 'final', outcome: 'completed' },
    },
  }),
};
