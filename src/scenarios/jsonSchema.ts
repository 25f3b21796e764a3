/** The JSON Schema of the scenario format, generated from the same zod definition that validates. */
import { Scenario } from './schema';
import { z } from './zod';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  return {
    $id: 'https://event-lab.invalid/scenario.schema.json',
    title: 'Event Lab scenario',
    description:
      'A narrated, step-by-step event-driven architecture scenario (format version 1). See src/scenarios/FORMAT.md.',
    ...schema,
  };
}
