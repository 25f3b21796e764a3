/**
 * A consumer-driven contract (as in Pact): the consumer states the fields it reads; the producer's schema —
 * the payload JSON Schema the AsyncAPI export writes (`io/asyncapi.ts`, one implementation) — must have each
 * of them, required, of a compatible type. Run against the changed design, a producer's rename or removal
 * fails here, in the producer's build, before anything is deployed.
 */
import { payloadSchema } from '../io/asyncapi';
import type { ScenarioDef, SpecDef } from '../schema';
import type { SpecResult } from './result';

type Contract = Extract<SpecDef, { kind: 'contract' }>;
type Property = { type?: string };

/** JSON Schema's integer is a number; an inferred property with no type (a computed value) fits any type. */
const fits = (want: string, got: string | undefined) =>
  got === undefined || got === want || (want === 'number' && got === 'integer');

export function runContract(s: ScenarioDef, spec: Contract): SpecResult {
  const schema = payloadSchema(s, spec.eventType) as { properties?: Record<string, Property>; required?: string[] };
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.keys(props);
  const problems: string[] = [];
  for (const r of spec.reads) {
    const p = Object.hasOwn(props, r.field) ? props[r.field]! : undefined;
    if (!p)
      problems.push(
        `${spec.eventType} has no field ${r.field} (its fields: ${fields.join(', ') || 'none'}): ${spec.consumer} reads it`,
      );
    else if (!required.has(r.field)) problems.push(`${r.field} is optional: the producer may leave it out`);
    else if (!fits(r.type, p.type)) problems.push(`${r.field} is ${p.type}, ${spec.consumer} reads a ${r.type}`);
  }
  return {
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    given: [`the producer’s schema of ${spec.eventType} (the AsyncAPI payload): ${fields.join(', ') || 'no fields'}`],
    when: `${spec.consumer}’s contract is checked against it`,
    then: [`${spec.consumer} reads ${spec.reads.map((r) => `${r.field} (${r.type})`).join(', ')}`],
    passed: problems.length === 0,
    reason: problems.length
      ? problems.join('; ')
      : `every field ${spec.consumer} reads is there, required, of its type`,
  };
}
