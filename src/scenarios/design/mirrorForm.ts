/**
 * The form of two regions (`topology.mirror`, `format/mirror.ts`): the clusters by alias with their topics, and the
 * MirrorMaker 2 flows between them (topics replicated, replication policy, sync.group.offsets.enabled).
 */
import { field, freshName, objects, str } from './draftNames';
import { type FieldDef, type ItemDef } from './formTypes';

const topicItem: ItemDef = {
  noun: 'topic',
  title: (t) =>
    `${str(field(t, 'name'), '(unnamed)')}${field(t, 'expired') ? ` · starts at ${String(field(t, 'expired'))}` : ''}`,
  fields: [
    { key: 'name', kind: 'text' },
    { key: 'partitions', kind: 'int', min: 1, max: 4, optional: true },
    { key: 'expired', kind: 'int', min: 0, optional: true },
  ],
  make: (_doc, list) => ({
    name: freshName(
      list.map((t) => str(field(t, 'name'))),
      'topic',
    ),
  }),
};

const regionItem: ItemDef = {
  noun: 'region',
  title: (r) => str(field(r, 'alias'), '(unnamed)'),
  fields: [
    { key: 'alias', kind: 'text' },
    { key: 'topics', kind: 'list', item: topicItem },
  ],
  make: (doc) => ({
    alias: freshName(
      objects(doc, ['topology', 'mirror', 'regions']).map((r) => str(r.alias)),
      'region',
    ),
    topics: [],
  }),
};

const aliases = (doc: unknown) => objects(doc, ['topology', 'mirror', 'regions']).map((r) => str(r.alias));

const flowItem: ItemDef = {
  noun: 'flow',
  title: (f) => `${str(field(f, 'source'), '?')} → ${str(field(f, 'target'), '?')}`,
  fields: [
    { key: 'source', kind: 'select', options: ({ doc }) => aliases(doc), free: true },
    { key: 'target', kind: 'select', options: ({ doc }) => aliases(doc), free: true },
    { key: 'topics', kind: 'names' },
    { key: 'policy', kind: 'select', options: ['default', 'identity'], optional: true },
    { key: 'syncGroupOffsets', kind: 'bool' },
  ],
  make: (doc) => {
    const [a = 'us', b = 'eu'] = aliases(doc);
    return { source: a, target: b, topics: ['rides'] };
  },
};

export const mirrorGroup: FieldDef = {
  key: 'mirror',
  kind: 'group',
  optional: true,
  make: () => ({
    regions: [
      { alias: 'us', topics: [{ name: 'rides' }] },
      { alias: 'eu', topics: [] },
    ],
    flows: [{ source: 'us', target: 'eu', topics: ['rides'] }],
  }),
  fields: [
    { key: 'regions', kind: 'list', item: regionItem },
    { key: 'flows', kind: 'list', item: flowItem },
    { key: 'offsetLagMax', kind: 'int', min: 1, optional: true },
  ],
};
