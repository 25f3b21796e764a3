/**
 * The scenario format's script: a step (its narration, action, question and expectations) and its questions
 * (predictions, some answered on the diagram). The actions are in `actions.ts`, the expectations in
 * `expectations.ts`. Part of `scenarios/schema.ts`.
 */
import { z } from '../zod';
import { Id, Text, ShortText, NonNegInt } from './basics';
import { Action } from './actions';
import { Expectation } from './expectations';

/**
 * Where a prediction is answered on the diagram: a choice with a target is picked by clicking that
 * element. Four kinds, told apart by their fields (strict objects, so a stray field is refused):
 * a partition (`{topic, partition}`: "which partition will it land in?"), an offset of a partition
 * (`{topic, partition, offset}`: "where will the committed offset be?", the offset a record lands at;
 * the partition's log-end offset names the slot after its last record), a member of a consumer group
 * (`{group, member}`: "which member gets partition 2?") and a row of a read model
 * (`{readModel, row}`, the row's key: "which row will the next event change?").
 */
export const ChoiceTarget = z.union([
  z.strictObject({ topic: Id, partition: NonNegInt }),
  z.strictObject({ topic: Id, partition: NonNegInt, offset: NonNegInt }),
  z.strictObject({ group: Id, member: Id }),
  z.strictObject({ readModel: Id, row: z.string().min(1).max(200) }),
]);

export const QuestionSpec = z.strictObject({
  id: Id.meta({ title: 'Id', description: 'The run keeps answers by this id: give each question its own.' }),
  prompt: z.string().min(1).max(1000).meta({ title: 'Prompt' }),
  choices: z
    .array(
      z.strictObject({
        id: Id.meta({ title: 'Id' }),
        text: z.string().min(1).max(400).meta({ title: 'Text' }),
        correct: z.boolean().meta({ title: 'Correct' }),
        target: ChoiceTarget.optional().meta({
          title: 'On the diagram',
          description: 'A prediction answered on the diagram: this choice is picked by clicking its target.',
        }),
        explanation: z.string().min(1).max(1000).optional().meta({
          title: 'Why',
          description: 'Why this choice is right or wrong, shown after answering when the learner picked it.',
        }),
      }),
    )
    .min(2)
    .max(8)
    .optional()
    .meta({ title: 'Choices (none: a free-text answer)' }),
  multiple: z.boolean().optional().meta({ title: 'Several choices may be picked' }),
  explanation: z.string().min(1).max(4000).meta({
    title: 'Explanation (shown after answering)',
    description: 'Shown after answering or skipping: the reasoning, in plain words.',
  }),
});

export const Step = z.strictObject({
  title: ShortText.meta({ title: 'Title' }),
  narration: Text.meta({
    title: 'Narration',
    description: 'What the learner reads at this step: what happens and why it matters.',
  }),
  action: Action.meta({ title: 'What happens' }),
  question: QuestionSpec.optional().meta({
    title: 'Question (pauses playback until answered)',
    description: 'Playback pauses here until the learner answers or skips.',
  }),
  expect: z.array(Expectation).optional().meta({
    title: 'Checks after this step (JSON)',
    description:
      'Checks written into the scenario itself, e.g. {"kind":"log-end","topic":"rides","partition":0,"offset":3}; a test runs every built-in against them (see FORMAT.md).',
  }),
});
