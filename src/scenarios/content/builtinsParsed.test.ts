/**
 * Why `findBuiltin` may hand out a built-in's file without parsing it in the browser: each file is a
 * valid scenario that the parser returns unchanged (no default filled in, no legacy form upgraded).
 * A file that needs either fails here, naming the file; write the parsed form into it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parse';
import { findBuiltin } from './index';

const dir = 'src/scenarios/content';
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('every built-in file is already its parsed scenario', () => {
  it.each(files)('%s', (file) => {
    const raw: unknown = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(`${file} is not a valid scenario: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    expect(JSON.parse(JSON.stringify(parsed.scenario))).toEqual(raw);
    expect(findBuiltin(file.slice(0, -'.json'.length))).toEqual(raw);
  });
});
