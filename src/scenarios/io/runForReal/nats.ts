/** The NATS JetStream export (nats.js): one stream per topic, one durable consumer per group. */
import template from './project/nats.cjs?raw';
import { keyToken, natsNames } from './names';
import type { RunFacts } from './runFacts';
import { baseRunFile, commonNotes } from './runFile';
import type { TargetProject } from './project';
import { code } from './project';

export function natsProject(facts: RunFacts): TargetProject {
  const base = baseRunFile(facts, 'nats');
  const names = natsNames(
    base.topics.map((t) => t.name),
    base.groups.map((g) => g.id),
  );
  const root = (topic: string) => names.subjectRoot.get(topic)!;
  return {
    client: 'nats',
    runJs: template,
    run: {
      ...base,
      notes: [
        'JetStream has no partitions: each topic is a stream (subjects eventlab.<topic>.<key>, dots in a topic name written "_"; a key that is not a plain subject token is written "~" and its UTF-8 bytes in hex) and keeps one order, so records with the same key arrive in the order they were sent.',
        'Each consumer group is a durable pull consumer (explicit ack, deliver all) on every stream it reads, so every group gets every record. One client reads it for the whole group; members pulling from one durable consumer would share its messages without regard to keys.',
        '“Run on another broker” in the player publishes to <topic>.<event type> and lets a group’s members fetch from its durable consumer together, to show how members share one consumer; this project uses eventlab.<topic>.<key> and one client per group so that its results can be compared with Kafka’s.',
        'Compared: which records each group received, and their order per key. Partitions, offsets and which member received a record are shown, not compared.',
        ...commonNotes(facts),
      ],
      topics: base.topics.map((t) => ({ ...t, stream: names.stream.get(t.name)!, subjectRoot: root(t.name) })),
      groups: base.groups.map((g) => ({ ...g, durable: names.durable.get(g.id)! })),
      records: base.records.map((r) => ({ ...r, subject: `${root(r.topic)}.${keyToken(r.key)}` })),
    },
    envVar: 'NATS_URL',
    defaultUrl: 'nats://localhost:4222',
    serverSteps: [
      'Have a nats-server with JetStream running (2.9 or later), e.g. `docker run -d --name nats -p 4222:4222 nats:2.10 -js`.',
      'Point `NATS_URL` at it if it is not on localhost:4222.',
    ],
    mapping: [
      '| Event Lab | NATS JetStream |',
      '|---|---|',
      ...base.topics.map(
        (t) =>
          `| topic ${code(t.name)} (${t.partitions} partition(s)) | stream ${code(names.stream.get(t.name)!)}, subjects ${code(root(t.name) + '.>')} |`,
      ),
      ...base.groups.map(
        (g) => `| group ${code(g.id)} | durable consumer ${code(names.durable.get(g.id)!)} on each stream it reads |`,
      ),
    ],
  };
}
