/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: the project's clients may resolve through NODE_PATH */
// Runs the scenario's records through a real Kafka with kafkajs: the topics created with the scenario's
// partition counts, each record sent with its key (and its partition when the scenario gave one), then
// every group's members consume from the beginning. See README.md.
'use strict';
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const { readRun, newRunId, waitForAll, finish } = require('./compare.js');

const BROKERS = (process.env.KAFKA_BROKERS || 'localhost:9092').split(',');
const WAIT_MS = Number(process.env.EVENT_LAB_WAIT_MS || 30000);

async function main() {
  const run = readRun();
  const runId = newRunId();
  const kafka = new Kafka({ clientId: 'event-lab', brokers: BROKERS, logLevel: logLevel.WARN });

  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: run.topics.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
  });
  const { topics } = await admin.fetchTopicMetadata({ topics: run.topics.map((t) => t.name) });
  for (const t of topics) {
    const want = run.topics.find((x) => x.name === t.name).partitions;
    if (t.partitions.length !== want)
      console.log(
        `note: topic ${t.name} already existed with ${t.partitions.length} partitions (the scenario starts with ${want}); for a like-for-like run start from a fresh broker (docker compose down, then up)`,
      );
  }

  const real = { groups: {}, where: {}, partitions: {}, ignored: 0 };
  // kafkajs's DefaultPartitioner: murmur2 of the key like Java's client; keyless records round-robin.
  // metadataMaxAge 0: metadata is refreshed before each send, so partitions added below are used at once.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, metadataMaxAge: 0 });
  await producer.connect();
  for (const r of run.records) {
    if (r.grow !== null) await grow(admin, r.topic, r.grow);
    const message = {
      key: r.key,
      value: JSON.stringify(r.value),
      headers: { 'eventlab-run': runId, 'eventlab-record': String(r.n) },
    };
    if (r.partition !== null) message.partition = r.partition;
    const [meta] = await producer.send({ topic: r.topic, messages: [message] });
    real.partitions[r.n] = meta.partition;
    real.where[r.n] = `${r.topic}-${meta.partition} offset ${meta.baseOffset}`;
  }
  await producer.disconnect();
  for (const t of run.topics) if (t.finalPartitions > t.partitions) await grow(admin, t.name, t.finalPartitions);
  await admin.disconnect();

  const consumers = [];
  for (const g of run.groups) {
    const got = (real.groups[g.id] = []);
    for (const member of g.members) {
      const consumer = kafka.consumer({ groupId: g.id });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics: g.topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const h = message.headers || {};
          if (String(h['eventlab-run']) !== runId) real.ignored++;
          else got.push({ n: Number(String(h['eventlab-record'])), consumer: `${member} (partition ${partition})` });
        },
      });
    }
  }
  const complete = await waitForAll(run, real.groups, WAIT_MS);
  if (!complete) console.log(`(waited ${WAIT_MS} ms; some groups had not received everything)`);
  for (const c of consumers) await c.disconnect();
  finish(run, real);
}

/** Adds partitions to a topic (as the scenario did) and waits until the broker's metadata shows them. */
async function grow(admin, topic, count) {
  const current = async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.length;
  if ((await current()) >= count) return;
  await admin.createPartitions({ topicPartitions: [{ topic, count }] });
  while ((await current()) < count) await new Promise((r) => setTimeout(r, 100));
  // kafkajs refreshes metadata once it is older than metadataMaxAge (0): make sure a millisecond has passed.
  await new Promise((r) => setTimeout(r, 5));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
