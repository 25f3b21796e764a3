/** The RabbitMQ export (amqplib): one fanout exchange per topic, one queue per group. */
import template from './project/rabbitmq.cjs?raw';
import { rabbitNames } from './names';
import type { RunFacts } from './runFacts';
import { baseRunFile, commonNotes } from './runFile';
import { code, type TargetProject } from './project';

export function rabbitmqProject(facts: RunFacts): TargetProject {
  const base = baseRunFile(facts, 'rabbitmq');
  const names = rabbitNames(
    base.topics.map((t) => t.name),
    base.groups.map((g) => g.id),
  );
  return {
    client: 'amqplib',
    runJs: template,
    run: {
      ...base,
      notes: [
        'RabbitMQ has no partitions: each topic is a fanout exchange and each consumer group a queue bound to the exchanges of the topics it reads, so every group gets every record. A queue keeps publish order, so records with the same key arrive in the order they were sent.',
        'A group’s members consume its queue as a single active consumer: one receives, the others stand by to take over. Competing consumers on one queue would share its records without regard to keys, so per-key order would no longer hold.',
        '“Run on another broker” in the player maps a group’s members as competing consumers on its queue instead, the usual RabbitMQ way to share work, to show where per-key order is lost; this project keeps per-key order so that its results can be compared with Kafka’s.',
        'Compared: which records each group received, and their order per key. Partitions, offsets and which member received a record are shown, not compared.',
        ...commonNotes(facts),
      ],
      topics: base.topics.map((t) => ({ ...t, exchange: names.exchange.get(t.name)! })),
      groups: base.groups.map((g) => ({ ...g, queue: names.queue.get(g.id)! })),
    },
    envVar: 'RABBITMQ_URL',
    defaultUrl: 'amqp://guest:guest@localhost:5672',
    serverSteps: [
      'Have a RabbitMQ running (3.x or 4.x), e.g. `docker run -d --name rabbitmq -p 5672:5672 rabbitmq:3`.',
      'Point `RABBITMQ_URL` at it if it is not on localhost with the default guest user.',
    ],
    mapping: [
      '| Event Lab | RabbitMQ |',
      '|---|---|',
      ...base.topics.map(
        (t) =>
          `| topic ${code(t.name)} (${t.partitions} partition(s)) | fanout exchange ${code(names.exchange.get(t.name)!)} |`,
      ),
      ...base.groups.map(
        (g) =>
          `| group ${code(g.id)} | queue ${code(names.queue.get(g.id)!)} (single active consumer), bound to ${g.topics.map((t) => code(names.exchange.get(t)!)).join(', ') || 'nothing'} |`,
      ),
    ],
  };
}
