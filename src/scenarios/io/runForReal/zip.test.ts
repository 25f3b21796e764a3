import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../content';
import { exportProject, runFacts, zipFileName, zipProject } from '.';

describe('the .zip of a project', () => {
  const project = exportProject(runFacts(findBuiltin('pubsub-basics')!), 'rabbitmq');
  const zip = zipProject(project, 'pubsub-basics', 'rabbitmq');

  it('holds every file in one folder named like the zip, byte for byte', () => {
    expect(zipFileName('pubsub-basics', 'rabbitmq')).toBe('pubsub-basics-rabbitmq.zip');
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      Object.keys(project.files)
        .map((p) => `pubsub-basics-rabbitmq/${p}`)
        .sort(),
    );
    for (const [path, text] of Object.entries(project.files))
      expect(strFromU8(files[`pubsub-basics-rabbitmq/${path}`]!)).toBe(text);
  });

  it('is the same bytes for the same project (fixed dates inside)', () => {
    expect(zipProject(project, 'pubsub-basics', 'rabbitmq')).toEqual(zip);
  });
});
