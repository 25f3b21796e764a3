/** The editor's sections, in the order a designer works: events first, then where they flow, then the story. */
import { aggregateItem } from './aggregateForm';
import { groupItem, producerItem, queueItem, topicItem } from './brokerForms';
import { eventTypeItem } from './eventTypeForm';
import { type ItemDef, type SectionDef } from './formTypes';
import { type Path, getIn } from './paths';
import { projectionItem } from './projectionForm';
import { relayGroup, serviceItem } from './serviceForm';
import { stepItem } from './stepForm';
import { upcasterItem } from './upcasterForm';

const listLength = (path: Path) => (doc: unknown) => {
  const v = getIn(doc, path);
  return Array.isArray(v) ? v.length : 0;
};
const topo = (id: string, title: string, hint: string, item: ItemDef): SectionDef => ({
  id,
  title,
  hint,
  path: ['topology'],
  field: { key: id, label: title, kind: 'list', item, optional: true },
  count: listLength(['topology', id]),
});

export const sections: readonly SectionDef[] = [
  {
    id: 'about',
    title: 'About',
    hint: 'How the scenario appears on the start page.',
    path: [],
    field: {
      key: '',
      label: 'About',
      kind: 'group',
      fields: [
        { key: 'title', label: 'Title', kind: 'text' },
        { key: 'summary', label: 'Summary', kind: 'text', multiline: true },
        { key: 'level', label: 'Level', kind: 'select', options: ['beginner', 'intermediate', 'advanced'] },
        { key: 'concepts', label: 'Concepts', kind: 'names' },
        {
          key: 'intro',
          label: 'Introduction',
          kind: 'group',
          fields: [
            { key: 'title', label: 'Intro title', kind: 'text' },
            { key: 'narration', label: 'Intro narration', kind: 'text', multiline: true },
          ],
        },
        { key: 'takeaways', label: 'Takeaways (one per line)', kind: 'lines' },
        {
          key: 'seed',
          label: 'Random seed',
          kind: 'int',
          hint: 'Fixes every random choice (the sticky partitioner), so a run is the same every time.',
        },
        { key: 'startTime', label: 'Start time (ms since 1970)', kind: 'int', min: 0 },
        { key: 'stepMs', label: 'Time per step (ms)', kind: 'int', min: 1 },
        { key: 'order', label: 'Order on the start page', kind: 'int', optional: true, min: 0 },
        { key: 'practice', label: 'Practice questions (JSON)', kind: 'json', optional: true },
      ],
    },
  },
  topo('eventTypes', 'Event types', 'The facts your system records: names, versions and fields.', eventTypeItem),
  topo('topics', 'Topics', 'Where records are published: partitions, key, retention and cleanup.', topicItem),
  topo('producers', 'Producers', 'Who publishes records in the script.', producerItem),
  topo(
    'groups',
    'Consumer groups',
    'Who reads each topic, how partitions are shared and when offsets are committed.',
    groupItem,
  ),
  topo(
    'aggregates',
    'Aggregates',
    'Consistency boundaries: lifecycle states, the commands accepted in each, guards and the events they produce.',
    aggregateItem,
  ),
  topo('projections', 'Projections', 'Read models built from events, and how far behind they run.', projectionItem),
  topo('upcasters', 'Upcasters', 'How events stored at an old schema version are read at the new one.', upcasterItem),
  {
    id: 'relay',
    title: 'Outbox relay',
    hint: 'Carries stored events to topics.',
    path: ['topology'],
    field: relayGroup,
    count: (doc) => (getIn(doc, ['topology', 'relay']) ? 1 : 0),
  },
  topo('services', 'Services', 'What reacts to events read by a consumer group, and what it does.', serviceItem),
  topo('queues', 'Queues', 'A classic queue for contrast: messages removed on acknowledgement.', queueItem),
  {
    id: 'steps',
    title: 'Script',
    hint: 'The story, one step at a time, with narration.',
    path: [],
    field: { key: 'steps', label: 'Steps', kind: 'list', item: stepItem },
    count: listLength(['steps']),
  },
];
