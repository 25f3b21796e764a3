/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: the project's clients may resolve through NODE_PATH */
// Runs the scenario's records through a real NATS JetStream with nats.js: one stream per topic (subjects
// `<root>.<key token>`), one durable pull consumer per consumer group on each stream it reads. See README.md.
'use strict';
const { connect, headers, AckPolicy, DeliverPolicy } = require('nats');
const { readRun, newRunId, finish } = require('./compare.js');

const URL = process.env.NATS_URL || 'nats://localhost:4222';
const WAIT_MS = Number(process.env.EVENT_LAB_WAIT_MS || 10000);

async function main() {
  const run = readRun();
  const runId = newRunId();
  const nc = await connect({ servers: URL });
  try {
    const jsm = await nc.jetstreamManager();
    const js = nc.jetstream();
    // Start from nothing: a stream left by an earlier run is deleted (with its consumers) first.
    for (const t of run.topics) {
      await jsm.streams.delete(t.stream).catch(() => false);
      await jsm.streams.add({ name: t.stream, subjects: [`${t.subjectRoot}.>`] });
    }
    for (const g of run.groups)
      for (const topic of g.topics)
        await jsm.consumers.add(run.topics.find((t) => t.name === topic).stream, {
          durable_name: g.durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
        });

    const real = { groups: {}, where: {}, ignored: 0 };
    for (const r of run.records) {
      const h = headers();
      h.set('Eventlab-Run', runId);
      h.set('Eventlab-Record', String(r.n));
      const ack = await js.publish(r.subject, JSON.stringify(r.value), { headers: h, msgID: `${runId}-${r.n}` });
      real.where[r.n] = `stream ${ack.stream} seq ${ack.seq}, subject ${r.subject}`;
    }

    // One reader per group and stream: pull, ack, until every record of the group's topics arrived.
    const readers = [];
    for (const g of run.groups) {
      const got = (real.groups[g.id] = []);
      // A group without members read nothing in the simulator: its durable consumer is made, never read.
      for (const topic of g.members.length > 0 ? g.topics : []) {
        const stream = run.topics.find((t) => t.name === topic).stream;
        const want = run.records.filter((r) => r.topic === topic).length;
        readers.push(
          (async () => {
            const consumer = await js.consumers.get(stream, g.durable);
            const started = Date.now();
            let mine = 0;
            while (mine < want && Date.now() - started < WAIT_MS) {
              const batch = await consumer.fetch({ max_messages: 100, expires: 1000 });
              for await (const m of batch) {
                if (m.headers && m.headers.get('Eventlab-Run') === runId) {
                  got.push({
                    n: Number(m.headers.get('Eventlab-Record')),
                    consumer: `durable ${g.durable} on ${stream}`,
                  });
                  mine++;
                } else real.ignored++;
                m.ack();
              }
            }
          })(),
        );
      }
    }
    await Promise.all(readers);
    finish(run, real);
  } finally {
    await nc.drain();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
