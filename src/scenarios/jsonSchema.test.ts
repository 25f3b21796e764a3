import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './jsonSchema';

const file = resolve(__dirname, '../../public/scenario.schema.json');

describe('published JSON Schema', () => {
  it('public/scenario.schema.json matches the zod definition (UPDATE_SCHEMA=1 regenerates it)', () => {
    const generated = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('describes the required top-level fields and rejects unknown keys', () => {
    const s = scenarioJsonSchema() as {
      required: string[];
      additionalProperties: unknown;
      properties: Record<string, unknown>;
    };
    expect(s.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'title', 'steps', 'topology', 'takeaways']),
    );
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toContain('practice');
  });

  it('carries each field’s title and description, so an editor’s completion shows the same words as the forms', () => {
    const s = scenarioJsonSchema() as { properties: Record<string, { title?: string; description?: string }> };
    expect(s.properties.seed).toMatchObject({
      title: 'Random seed',
      description: expect.stringMatching(/same every time/),
    });
    expect(JSON.stringify(s)).toContain('"title":"Partitions"');
  });
});
