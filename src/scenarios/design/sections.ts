/** The editor's sections, in the order a designer works: events first, then where they flow, then the story. */
import { aggregateItem } from './aggregateForm';
import { groupItem, producerItem, queueItem, topicItem } from './brokerForms';
import { eventTypeItem } from './eventTypeForm';
import { type FieldDef, type ItemDef, type SectionDef } from './formTypes';
import { type Path, getIn } from './paths';
import { projectionItem } from './projectionForm';
import { relayGroup, serviceItem } from './serviceForm';
import { stepItem } from './stepForm';
import { fieldText } from './schemaText';
import { upcasterItem } from './upcasterForm';
import { outboxItem } from './outboxForm';
import { registryGroup } from './registryForm';
import { mirrorGroup } from './mirrorForm';
import { replicationGroup } from './replicationForm';
import { sagaItem } from './sagaForm';
import { streamProcessorItem } from './streamForm';
import { privacyGroup } from './privacyForm';
import { tracingGroup } from './tracingForm';

const listLength = (path: Path) => (doc: unknown) => {
  const v = getIn(doc, path);
  return Array.isArray(v) ? v.length : 0;
};
/** A section of the topology: its title and hint are the schema's for that list. */
const topo = (id: string, item: ItemDef): SectionDef => {
  const { title = id, description = '' } = fieldText(undefined, ['topology', id]);
  return {
    id,
    title,
    hint: description,
    path: ['topology'],
    field: { key: id, kind: 'list', item, optional: true },
    count: listLength(['topology', id]),
  };
};

/** An optional part of the topology that is one object (the relay, the registry): present or not. */
const optionalGroup = (id: string, field: FieldDef): SectionDef => {
  const { title = id, description = '' } = fieldText(undefined, ['topology', id]);
  return {
    id,
    title,
    hint: description,
    path: ['topology'],
    field,
    count: (doc) => (getIn(doc, ['topology', id]) ? 1 : 0),
  };
};

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
        { key: 'title', kind: 'text' },
        { key: 'summary', kind: 'text', multiline: true },
        { key: 'level', kind: 'select', options: ['beginner', 'intermediate', 'advanced'] },
        { key: 'concepts', kind: 'names' },
        {
          key: 'intro',
          kind: 'group',
          fields: [
            { key: 'title', kind: 'text' },
            { key: 'narration', kind: 'text', multiline: true },
          ],
        },
        { key: 'takeaways', kind: 'lines' },
        {
          key: 'seed',
          kind: 'int',
        },
        { key: 'startTime', kind: 'int', min: 0 },
        { key: 'stepMs', kind: 'int', min: 1 },
        { key: 'order', kind: 'int', optional: true, min: 0 },
        { key: 'practice', kind: 'json', optional: true },
        { key: 'specs', kind: 'json', optional: true },
      ],
    },
  },
  topo('eventTypes', eventTypeItem),
  topo('topics', topicItem),
  topo('producers', producerItem),
  topo('groups', groupItem),
  topo('aggregates', aggregateItem),
  topo('projections', projectionItem),
  topo('upcasters', upcasterItem),
  optionalGroup('relay', relayGroup),
  topo('services', serviceItem),
  topo('queues', queueItem),
  optionalGroup('replication', replicationGroup),
  topo('outboxes', outboxItem),
  optionalGroup('registry', registryGroup),
  optionalGroup('mirror', mirrorGroup),
  topo('sagas', sagaItem),
  topo('streamProcessors', streamProcessorItem),
  optionalGroup('privacy', privacyGroup),
  optionalGroup('tracing', tracingGroup),
  {
    id: 'steps',
    title: 'Script',
    hint: 'The story, one step at a time, with narration.',
    path: [],
    field: { key: 'steps', kind: 'list', item: stepItem },
    count: listLength(['steps']),
  },
];
