/** The dialog's project summary, server-rendered from a real export: its files, how to run it, its download. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { prepareExport } from './prepare';
import { ProjectSummary } from './RunForReal';

const pubsub = findBuiltin('pubsub-basics')!;

describe('Run it for real: the project summary', () => {
  it('NATS: the files, npm install && node run.js, the notes, and a download named after scenario and broker', async () => {
    const prepared = await prepareExport(pubsub, [], 'nats');
    expect(prepared.fileName).toBe('pubsub-basics-nats.zip');
    const html = renderToStaticMarkup(createElement(ProjectSummary, { prepared }));
    for (const f of ['package.json', 'run.js', 'compare.js', 'run.json', 'README.md'])
      expect(html).toContain(`<code>${f}</code>`);
    expect(html).toContain('npm install &amp;&amp; node run.js');
    expect(html).not.toContain('docker compose up -d');
    expect(html).toContain('JetStream has no partitions');
    expect(html).toContain('Download pubsub-basics-nats.zip');
    expect(html).toContain('6 record(s) on 1 topic(s), 2 consumer group(s)');
  });

  it('Kafka: the compose file and docker compose up -d first', async () => {
    const html = renderToStaticMarkup(
      createElement(ProjectSummary, { prepared: await prepareExport(pubsub, [], 'kafka') }),
    );
    expect(html).toContain('<code>compose.yaml</code>');
    expect(html).toContain('docker compose up -d\nnpm install &amp;&amp; node run.js');
  });

  it('the zip is made on demand and holds the listed files', async () => {
    const prepared = await prepareExport(pubsub, [], 'rabbitmq');
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(prepared.zip())).map((p) => p.split('/')[1])).toEqual([...prepared.files]);
  });

  it('a scenario that appends no records (Event sourcing) says so and offers no download', async () => {
    const prepared = await prepareExport(findBuiltin('event-sourcing')!, [], 'rabbitmq');
    const html = renderToStaticMarkup(createElement(ProjectSummary, { prepared }));
    expect(html).toContain('appends no records to topics');
    expect(html).not.toContain('Download');
  });
});
