import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_VERSIONS } from './versions';

describe('the pinned client versions', () => {
  it('are exactly the versions the broker tests of this repository run (package.json devDependencies)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    for (const [name, version] of Object.entries(CLIENT_VERSIONS))
      expect([name, pkg.devDependencies[name]]).toEqual([name, version]);
  });
});
