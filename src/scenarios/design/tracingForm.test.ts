import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { parseScenario } from '../parse';
import { AlertRulesSpec, TracingSpec } from '../format/tracing';
import { sections, type FieldDef } from './formSpec';
import { setIn } from './paths';
import { tracingGroup } from './tracingForm';

const keys = (fields: readonly FieldDef[]) => fields.map((f) => f.key).sort();
const fieldsOf = (f: FieldDef) => (f.kind === 'group' ? f.fields : []);

describe('the tracing form', () => {
  it('edits every field of topology.tracing and its alert rules', () => {
    expect(keys(fieldsOf(tracingGroup))).toEqual(Object.keys(TracingSpec.shape).sort());
    const alerts = fieldsOf(tracingGroup).find((f) => f.key === 'alerts')!;
    expect(keys(fieldsOf(alerts))).toEqual(Object.keys(AlertRulesSpec.shape).sort());
    expect(sections.some((s) => s.id === 'tracing')).toBe(true);
  });

  it('a new tracing part starts valid in a scenario that had none', () => {
    const doc = structuredClone(findBuiltin('delivery-guarantees')!);
    const made = tracingGroup.kind === 'group' && tracingGroup.make ? tracingGroup.make(doc) : null;
    const r = parseScenario(setIn(doc, ['topology', 'tracing'], made));
    expect(r.ok ? 'ok' : r.issues).toBe('ok');
  });
});
