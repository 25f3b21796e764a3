/** A step of the script: what happens (one variant per action), its question and its expectations. */
import { brokerActions } from './brokerActions';
import { replicationActions } from './replicationActions';
import { transactionActions } from './transactionActions';
import { sagaActions } from './sagaActions';
import { registryActions } from './registryActions';
import { mirrorActions } from './mirrorActions';
import { outboxActions } from './outboxActions';
import { streamActions } from './streamActions';
import { privacyActions } from './privacyActions';
import { specActions } from './specActions';
import { pollLoopActions } from './pollLoopActions';
import { queueActions, storeActions } from './storeActions';
import { field, freshName, str } from './draftNames';
import { type FieldDef, type ItemDef } from './formTypes';

export const stepAction: FieldDef = {
  key: 'action',
  kind: 'variant',
  variants: [
    ...brokerActions,
    ...storeActions,
    ...queueActions,
    ...replicationActions,
    ...transactionActions,
    ...outboxActions,
    ...sagaActions,
    ...registryActions,
    ...mirrorActions,
    ...streamActions,
    ...privacyActions,
    ...specActions,
    ...pollLoopActions,
  ],
};

const questionGroup: FieldDef = {
  key: 'question',
  kind: 'group',
  optional: true,
  make: () => ({
    id: 'q1',
    prompt: 'What happens next?',
    choices: [
      { id: 'a', text: 'This', correct: true },
      { id: 'b', text: 'That', correct: false },
    ],
    explanation: 'Because…',
  }),
  fields: [
    { key: 'id', kind: 'text' },
    { key: 'prompt', kind: 'text', multiline: true },
    {
      key: 'choices',
      kind: 'list',
      optional: true,
      item: {
        noun: 'choice',
        title: (c) => `${field(c, 'correct') ? '✓' : '✗'} ${str(field(c, 'text'), '(empty)')}`,
        fields: [
          { key: 'id', kind: 'text' },
          { key: 'text', kind: 'text' },
          { key: 'correct', kind: 'bool', required: true },
        ],
        make: (_doc, list) => ({
          id: freshName(
            list.map((c) => str(field(c, 'id'))),
            'choice',
          ),
          text: 'Another answer',
          correct: false,
        }),
      },
    },
    { key: 'multiple', kind: 'bool' },
    { key: 'explanation', kind: 'text', multiline: true },
  ],
};

export const stepItem: ItemDef = {
  noun: 'step',
  title: (s, i) => `${i + 1}. ${str(field(s, 'title'), '(untitled)')}`,
  fields: [
    { key: 'title', kind: 'text' },
    {
      key: 'narration',
      kind: 'text',
      multiline: true,
    },
    stepAction,
    questionGroup,
    {
      key: 'expect',
      kind: 'json',
      optional: true,
    },
  ],
  make: () => ({ title: 'A new step', narration: 'What happens here, and why it matters.', action: { kind: 'note' } }),
};
