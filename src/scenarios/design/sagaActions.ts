/**
 * Step actions that drive an orchestrated saga (`format/sagas.ts`): start an instance, a participant's reply,
 * the orchestrator crashing and restarting.
 */
import { simple } from './actionPieces';
import { getIn } from './paths';
import { first } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const sagaIds = (doc: unknown): string[] => {
  const sagas = getIn(doc, ['topology', 'sagas']);
  return Array.isArray(sagas) ? sagas.flatMap((s) => (typeof s?.id === 'string' ? [s.id as string] : [])) : [];
};
const sagaSelect: FieldDef = { key: 'saga', kind: 'select', options: ({ doc }) => sagaIds(doc), free: true };
const instance: FieldDef = { key: 'instance', kind: 'text' };
const saga = (doc: unknown) => ({ saga: first(sagaIds(doc), 'saga') });

export const sagaActions: readonly VariantDef[] = [
  simple('start-saga', [sagaSelect, instance], (doc) => ({ ...saga(doc), instance: 'instance-1' })),
  simple('saga-reply', [sagaSelect, instance, { key: 'eventType', kind: 'text' }], (doc) => ({
    ...saga(doc),
    instance: 'instance-1',
    eventType: 'StepSucceeded',
  })),
  simple('crash-orchestrator', [sagaSelect], saga),
  simple('restart-orchestrator', [sagaSelect], saga),
];
