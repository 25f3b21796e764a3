/**
 * Step actions of a stream processor (`format/streams.ts`): it processes what is new on its topics, or a new
 * instance restores its store from the changelog.
 */
import { simple } from './actionPieces';
import { getIn } from './paths';
import { first } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const processorIds = (doc: unknown): string[] => {
  const list = getIn(doc, ['topology', 'streamProcessors']);
  return Array.isArray(list) ? list.flatMap((p) => (typeof p?.id === 'string' ? [p.id as string] : [])) : [];
};
const processorSelect: FieldDef = {
  key: 'processor',
  kind: 'select',
  options: ({ doc }) => processorIds(doc),
  free: true,
};
const processor = (doc: unknown) => ({ processor: first(processorIds(doc), 'processor') });

export const streamActions: readonly VariantDef[] = [
  simple('run-stream-processor', [processorSelect], processor),
  simple('restore-stream-store', [processorSelect], processor),
];
