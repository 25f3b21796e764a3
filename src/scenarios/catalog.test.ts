import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBuiltins } from './content';
import { summaryOf } from './summary';

const file = resolve(__dirname, 'catalog.json');

describe('start-page catalog', () => {
  it('catalog.json lists every built-in scenario as it is (UPDATE_CATALOG=1 regenerates it)', () => {
    const generated = JSON.stringify(allBuiltins().map(summaryOf), null, 2) + '\n';
    if (process.env.UPDATE_CATALOG === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });
});
