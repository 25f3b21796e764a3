/**
 * The form of a stream processor (`topology.streamProcessors`, `format/streams.ts`): a windowed count (or sum)
 * per key of one topic — its windows tumbling, hopping or session — or a stream–table join of two topics.
 */
import { topicSelect } from './commonFields';
import { field, first, freshName, objects, str, topicNames } from './draftNames';
import { type FieldDef, type ItemDef } from './formTypes';

const idOf = (doc: unknown) =>
  freshName(
    objects(doc, ['topology', 'streamProcessors']).map((p) => str(p.id)),
    'processor',
  );

const windowVariant: FieldDef = {
  key: 'window',
  kind: 'variant',
  variants: [
    {
      id: 'tumbling',
      label: 'tumbling',
      hint: 'Fixed windows that do not overlap.',
      matches: (v) => field(v, 'type') === 'tumbling',
      make: () => ({ type: 'tumbling', sizeMs: 60_000 }),
      fields: [{ key: 'sizeMs', kind: 'int', min: 1 }],
    },
    {
      id: 'hopping',
      label: 'hopping',
      hint: 'Windows of a fixed size that start every advance, so they overlap.',
      matches: (v) => field(v, 'type') === 'hopping',
      make: () => ({ type: 'hopping', sizeMs: 60_000, advanceMs: 30_000 }),
      fields: [
        { key: 'sizeMs', kind: 'int', min: 1 },
        { key: 'advanceMs', kind: 'int', min: 1 },
      ],
    },
    {
      id: 'session',
      label: 'session',
      hint: 'One window per burst of a key’s records, closed by an inactivity gap.',
      matches: (v) => field(v, 'type') === 'session',
      make: () => ({ type: 'session', gapMs: 30_000 }),
      fields: [{ key: 'gapMs', kind: 'int', min: 1 }],
    },
  ],
};

const processor: FieldDef = {
  key: '',
  kind: 'variant',
  variants: [
    {
      id: 'windowed',
      label: 'windowed count per key',
      matches: (v) => field(v, 'type') === 'windowed',
      make: (doc) => ({
        id: idOf(doc),
        title: 'Count per key',
        type: 'windowed',
        source: first(topicNames(doc), 'topic'),
        window: { type: 'tumbling', sizeMs: 60_000 },
        graceMs: 0,
      }),
      fields: [
        { key: 'id', kind: 'text' },
        { key: 'title', kind: 'text' },
        topicSelect('source'),
        { key: 'eventTimeField', kind: 'text', optional: true },
        windowVariant,
        { key: 'graceMs', kind: 'int', min: 0 },
        { key: 'sumField', kind: 'text', optional: true },
        { ...topicSelect('output'), optional: true } as FieldDef,
      ],
    },
    {
      id: 'join',
      label: 'stream–table join',
      matches: (v) => field(v, 'type') === 'join',
      make: (doc) => ({
        id: idOf(doc),
        title: 'Join',
        type: 'join',
        stream: first(topicNames(doc), 'topic'),
        table: first(topicNames(doc), 'topic'),
        join: 'left',
      }),
      fields: [
        { key: 'id', kind: 'text' },
        { key: 'title', kind: 'text' },
        topicSelect('stream'),
        topicSelect('table'),
        { key: 'join', kind: 'select', options: ['inner', 'left'] },
        { ...topicSelect('output'), optional: true } as FieldDef,
      ],
    },
  ],
};

export const streamProcessorItem: ItemDef = {
  noun: 'stream processor',
  title: (p) => `${str(field(p, 'title'), str(field(p, 'id'), '(unnamed)'))} · ${str(field(p, 'type'), '?')}`,
  fields: [processor],
  make: (doc) => processor.kind === 'variant' && processor.variants[0]!.make(doc),
};
