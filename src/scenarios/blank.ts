/**
 * A blank scenario to design from: the smallest system that runs (one event type, one topic keyed by
 * the entity id, one producer, one consumer group, one step), so every view has something to show
 * and the design editor has an example of each part. For a practice exercise, it carries the
 * exercise's question and concepts, but none of its answer.
 */
import { mustParseScenario } from './parse';
import type { ScenarioDef } from './schema';

export function blankScenario(opts: { id: string; title: string; exercise?: ScenarioDef }): ScenarioDef {
  const { id, title, exercise } = opts;
  const task = exercise
    ? `Your own design for “${exercise.title}”. ${exercise.practice?.intro ?? exercise.summary} Design the events, topics, keys and consumers in the editor (Design tab), then compare your design with the reference.`
    : 'A blank design: one event type, one topic and one consumer group to start from. Open “Edit this scenario” to add your own events, topics, consumers, aggregates and steps.';
  return mustParseScenario({
    schemaVersion: 1,
    id,
    title: title.slice(0, 200),
    summary: task.slice(0, 4000),
    level: exercise?.level ?? 'beginner',
    concepts: exercise ? [...exercise.concepts] : ['event design'],
    seed: 1,
    startTime: 0,
    stepMs: 1000,
    intro: {
      title: exercise ? `Design: ${exercise.title}`.slice(0, 200) : 'A blank design',
      narration: task.slice(0, 4000),
    },
    topology: {
      topics: [
        {
          name: 'events',
          partitions: 3,
          keyField: 'id',
          description: 'Keyed by the entity id, so one entity’s events stay in order.',
        },
      ],
      producers: [{ id: 'app', label: 'App' }],
      groups: [
        {
          id: 'readers',
          label: 'Readers',
          topics: ['events'],
          members: ['reader-1'],
          autoOffsetReset: 'earliest',
          commitMode: 'after',
        },
      ],
      eventTypes: [
        { name: 'SomethingHappened', schemaVersion: 1, fields: [{ name: 'id', type: 'string' }], topic: 'events' },
      ],
    },
    steps: [
      {
        title: 'Something happens',
        narration:
          'The app publishes the first fact of your design. Rename it, add fields, or replace this step with your own.',
        action: {
          kind: 'publish',
          producer: 'app',
          topic: 'events',
          event: { eventType: 'SomethingHappened', streamId: 'thing-1', key: 'thing-1', data: { id: 'thing-1' } },
        },
      },
      {
        title: 'A reader reads it',
        narration: 'A consumer of the group reads the record and commits its offset after processing it.',
        action: { kind: 'poll', group: 'readers', member: 'reader-1' },
      },
    ],
    takeaways: ['Write your own takeaways here once your design runs.'],
  });
}
