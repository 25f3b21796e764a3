/**
 * Step actions of two regions (`format/mirror.ts`): write in a region, MirrorMaker 2 copies and checkpoints, a
 * service reads in a region, a region goes down and comes back, services fail over.
 */
import { simple } from './actionPieces';
import { getIn } from './paths';
import { first } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const aliases = (doc: unknown): string[] => {
  const xs = getIn(doc, ['topology', 'mirror', 'regions']);
  return Array.isArray(xs) ? xs.flatMap((x) => (typeof x?.alias === 'string' ? [x.alias as string] : [])) : [];
};
const regionField = (key: string): FieldDef => ({
  key,
  kind: 'select',
  options: ({ doc }) => aliases(doc),
  free: true,
});
const flow = (doc: unknown) => {
  const fs = getIn(doc, ['topology', 'mirror', 'flows']);
  const f = Array.isArray(fs) ? fs[0] : undefined;
  return {
    source: typeof f?.source === 'string' ? (f.source as string) : first(aliases(doc), 'us'),
    target: typeof f?.target === 'string' ? (f.target as string) : 'eu',
  };
};
const firstTopic = (doc: unknown): string => {
  const t = getIn(doc, ['topology', 'mirror', 'regions', 0, 'topics', 0, 'name']);
  return typeof t === 'string' ? t : 'rides';
};
const region = (doc: unknown) => first(aliases(doc), 'us');

export const mirrorActions: readonly VariantDef[] = [
  simple(
    'region-produce',
    [regionField('region'), { key: 'topicName', kind: 'text' }, { key: 'records', kind: 'json' }],
    (doc) => ({
      region: region(doc),
      topicName: firstTopic(doc),
      records: [{ key: 'ride-1', eventId: 'e1', data: {} }],
    }),
  ),
  simple(
    'mirror',
    [
      regionField('source'),
      regionField('target'),
      { key: 'max', kind: 'int', min: 1, optional: true },
      { key: 'commit', kind: 'bool' },
    ],
    flow,
  ),
  simple('emit-checkpoints', [regionField('source'), regionField('target')], flow),
  simple(
    'region-consume',
    [
      regionField('region'),
      { key: 'service', kind: 'text' },
      { key: 'topics', kind: 'names' },
      { key: 'max', kind: 'int', min: 1, optional: true },
      { key: 'idempotent', kind: 'bool' },
    ],
    (doc) => ({ region: region(doc), service: 'billing', topics: [firstTopic(doc)] }),
  ),
  simple('region-down', [regionField('region')], (doc) => ({ region: region(doc) })),
  simple('region-up', [regionField('region')], (doc) => ({ region: region(doc) })),
  simple('failover', [{ key: 'services', kind: 'names' }, regionField('from'), regionField('to')], (doc) => {
    const f = flow(doc);
    return { services: ['billing'], from: f.source, to: f.target };
  }),
];
