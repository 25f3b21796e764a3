/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: the project's clients may resolve through NODE_PATH */
// Runs the scenario's records through a real RabbitMQ with amqplib: one fanout exchange per topic, one queue
// per consumer group bound to the exchanges of the topics it reads, the group's members as consumers of that
// queue (single active consumer: one reads, the others wait to take over). See README.md.
'use strict';
const amqp = require('amqplib');
const { readRun, newRunId, waitForAll, finish } = require('./compare.js');

const URL = process.env.RABBITMQ_URL || 'amqp://guest:guest@localhost:5672';
const WAIT_MS = Number(process.env.EVENT_LAB_WAIT_MS || 10000);

async function main() {
  const run = readRun();
  const runId = newRunId();
  const connection = await amqp.connect(URL);
  try {
    const admin = await connection.createConfirmChannel();
    // Start from nothing: queues and exchanges left by an earlier run are deleted first.
    for (const g of run.groups) await admin.deleteQueue(g.queue);
    for (const t of run.topics) await admin.deleteExchange(t.exchange);
    for (const t of run.topics) await admin.assertExchange(t.exchange, 'fanout', { durable: true });
    for (const g of run.groups) {
      await admin.assertQueue(g.queue, { durable: true, arguments: { 'x-single-active-consumer': true } });
      for (const topic of g.topics)
        await admin.bindQueue(g.queue, run.topics.find((t) => t.name === topic).exchange, '');
    }

    const received = {};
    const real = { groups: received, where: {}, ignored: 0 };
    for (const g of run.groups) {
      received[g.id] = [];
      for (const member of g.members) {
        const channel = await connection.createChannel();
        await channel.prefetch(1);
        await channel.consume(g.queue, (msg) => {
          if (msg === null) return;
          const h = msg.properties.headers || {};
          if (String(h['x-eventlab-run']) !== runId) real.ignored++;
          else received[g.id].push({ n: Number(h['x-eventlab-record']), consumer: `${member} on queue ${g.queue}` });
          channel.ack(msg);
        });
      }
    }

    for (const r of run.records) {
      const exchange = run.topics.find((t) => t.name === r.topic).exchange;
      const headers = { 'x-eventlab-run': runId, 'x-eventlab-record': r.n };
      if (r.key !== null) headers['x-eventlab-key'] = r.key;
      // A fanout exchange ignores the routing key; it carries the key when it fits (255 bytes) for tools to show.
      const routingKey = r.key !== null && Buffer.byteLength(r.key) <= 255 ? r.key : '';
      admin.publish(exchange, routingKey, Buffer.from(JSON.stringify(r.value)), {
        persistent: true,
        contentType: 'application/json',
        messageId: `${runId}-${r.n}`,
        headers,
      });
      real.where[r.n] = `exchange ${exchange}`;
    }
    await admin.waitForConfirms();
    const complete = await waitForAll(run, received, WAIT_MS);
    if (!complete) console.log(`(waited ${WAIT_MS} ms; some groups had not received everything)`);
    finish(run, real);
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
