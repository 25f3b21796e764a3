#!/usr/bin/env node
// Golden vectors from Kafka's own code (murmur2 and the Range, RoundRobin and CooperativeSticky
// assignors, compiled from apache/kafka at commit 1eb7644) for the tests beside this folder.
//
// Not needed by the tests or CI: the fixtures it writes are committed. To regenerate them (the seed is
// fixed, so the same cases come out; Java 17 and /usr/share/java/slf4j-api.jar are needed):
//
//     node src/engine/broker/golden/generate.mjs [path/to/shared/oracles/kafka]
//
// (default oracle path: ../shared/oracles/kafka from the repository root). It writes range.json,
// roundrobin.json, cooperative-sticky.json and murmur2.json here.
//
// Case format (the oracle's, see its README): `ASSIGNOR|topic:partitions,...|member/topicA+topicB=owned,...;...`
// with members in join order; `owned` lists `topic:partition` held in the previous generation.
// The oracle's answer `out` is `member=topic-p,...;...` (members sorted by id).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const oracle = resolve(process.argv[2] ?? join(here, '../../../../../shared/oracles/kafka'));
const javaEnv = { ...process.env, LC_ALL: 'C.UTF-8', JAVA_TOOL_OPTIONS: '-Dfile.encoding=UTF-8' };

// Seeded generator (mulberry32): the same cases on every run.
let seed = 0x13c0ffee;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p) => random() < p;
const pick = (xs) => xs[int(0, xs.length - 1)];
function shuffle(xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const sample = (xs, n) => shuffle(xs).slice(0, n);
const subset = (xs) => {
  const s = xs.filter(() => chance(0.5));
  return s.length > 0 ? s : [pick(xs)];
};

// Legal Kafka topic names ([a-zA-Z0-9._-]) that sort differently as strings and as numbers.
const TOPICS = ['orders', 'Orders', 't1', 't9', 't10', 'a.b', 'a-b', 'a_b', 'payments-v2', 'x', 'Z', '_internal', 'clicks.2024', '0', '9', '10'];
// Member ids: digits, dashes, dots, mixed case, unicode (a surrogate pair: code-unit order differs from
// code-point order against '～'), and "Aa"/"BB" (equal String.hashCode, so always one HashMap bucket).
const MEMBERS = [
  'c1', 'c9', 'c10', 'C1', 'c-1', 'c.1', 'c_1', 'consumer-1-3f2a', 'consumer-10-b7', 'consumer-2-a0',
  '1', '9', '10', '001', 'a', 'B', 'x', 'X', 'é', 'Ω', 'zé', 'node-Ä', '𝒳', '～', 'app.worker-7',
  'Aa', 'BB', 'AaAa', 'BBBB', 'AaBB',
];

function group({ differentSubscriptions }) {
  // different subscriptions need two topics to differ on
  const topics = sample(TOPICS, int(differentSubscriptions ? 2 : 1, 6));
  const counts = Object.fromEntries(topics.map((t) => [t, int(1, 12)]));
  const clusterOnly = chance(0.2) ? pick(TOPICS.filter((t) => !topics.includes(t))) : null;
  if (clusterOnly) counts[clusterOnly] = int(1, 12);
  const ids = sample(MEMBERS, int(1, 8)); // join order
  const same = subset(topics);
  let subs = ids.map(() => (differentSubscriptions ? subset(topics) : same));
  if (differentSubscriptions) {
    if (ids.length === 1) subs = [subset(topics)];
    else {
      // make sure at least two members differ
      while (subs.every((s) => s.length === subs[0].length && s.every((t) => subs[0].includes(t)))) subs[int(0, ids.length - 1)] = subset(topics);
    }
    // now and then a member also asks for a topic the cluster does not have
    if (chance(0.1)) subs[int(0, ids.length - 1)] = [...subs[0], 'missing'];
  }
  return { counts, ids, subs: subs.map((s) => shuffle(s)) };
}

/** A plausible previous generation: some members are new, some left, subscriptions and partition counts changed. */
function previousOwnership(g) {
  const topics = Object.keys(g.counts);
  const prev = g.ids.filter(() => chance(0.8)).map((id) => ({ id, topics: g.subs[g.ids.indexOf(id)].filter((t) => t !== 'missing') }));
  for (const id of sample(MEMBERS.filter((m) => !g.ids.includes(m)), int(0, 2))) prev.push({ id, topics: subset(topics) });
  for (const p of prev) {
    if (chance(0.25)) p.topics = subset(topics); // subscribed to other topics back then
    if (p.topics.length === 0) p.topics = [pick(topics)];
  }
  const owned = new Map(g.ids.map((id) => [id, []]));
  if (prev.length === 0) return owned;
  const held = new Map(prev.map((p) => [p.id, []]));
  const mode = pick(['balanced', 'random', 'skewed', 'partial']);
  const heavy = pick(prev).id;
  let turn = int(0, prev.length - 1);
  for (const t of topics) {
    const before = chance(0.2) ? int(1, g.counts[t]) : g.counts[t]; // the topic grew since
    const eligible = prev.filter((p) => p.topics.includes(t));
    if (eligible.length === 0) continue;
    for (let p = 0; p < before; p++) {
      if (mode === 'partial' && chance(0.3)) continue; // withheld by a cooperative round
      let who;
      if (mode === 'balanced') who = eligible[turn++ % eligible.length];
      else if (mode === 'skewed' && chance(0.7) && eligible.some((e) => e.id === heavy)) who = eligible.find((e) => e.id === heavy);
      else who = pick(eligible);
      held.get(who.id).push({ topic: t, partition: p });
    }
  }
  for (const [id, tps] of held) if (owned.has(id)) owned.get(id).push(...tps);
  // now and then a partition claimed by two members (Kafka: "claimed by multiple consumers in the same generation")
  if (g.ids.length > 1 && chance(0.25)) {
    const all = [...owned.values()].flat();
    for (let i = 0; i < int(1, 2) && all.length > 0; i++) {
      const tp = pick(all);
      const other = pick(g.ids.filter((id) => !owned.get(id).some((x) => x.topic === tp.topic && x.partition === tp.partition)));
      if (other) owned.get(other).push(tp);
    }
  }
  for (const [id, tps] of owned) owned.set(id, shuffle(tps));
  return owned;
}

function line(assignor, g, owned) {
  const topics = Object.entries(g.counts)
    .map(([t, n]) => `${t}:${n}`)
    .join(',');
  const members = g.ids
    .map((id, i) => `${id}/${g.subs[i].join('+')}=${(owned?.get(id) ?? []).map((tp) => `${tp.topic}:${tp.partition}`).join(',')}`)
    .join(';');
  return `${assignor}|${topics}|${members}`;
}

function runAssign(lines) {
  const out = execFileSync(join(oracle, 'run'), ['assign'], { input: lines.join('\n') + '\n', env: javaEnv, encoding: 'utf8' });
  const answers = out.split('\n').slice(0, lines.length);
  if (answers.length !== lines.length) throw new Error(`oracle answered ${answers.length} of ${lines.length} cases`);
  return lines.map((l, i) => ({ in: l, out: answers[i] }));
}

function write(name, about, cases) {
  const errors = cases.filter((c) => c.out.startsWith('ERROR'));
  if (errors.length > 0) console.warn(`${name}: ${errors.length} cases where Kafka threw (kept: the engine must not throw)`);
  const file = join(here, name);
  writeFileSync(file, JSON.stringify({ about, kafkaCommit: '1eb7644', cases }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`${file}: ${cases.length} cases`);
}

const about = 'Generated by generate.mjs from Kafka\'s own assignors (../shared/oracles/kafka); do not edit by hand.';
const rangeLines = [];
const rrLines = [];
for (let i = 0; i < 300; i++) rangeLines.push(line('range', group({ differentSubscriptions: i % 2 === 1 })));
for (let i = 0; i < 300; i++) rrLines.push(line('rr', group({ differentSubscriptions: i % 2 === 1 })));
const csLines = [];
for (let i = 0; i < 400; i++) {
  const g = group({ differentSubscriptions: i % 2 === 1 });
  csLines.push(line('cs', g, previousOwnership(g)));
}
// Stress: more members, many with equal String.hashCode (one HashMap bucket, so join order decides),
// skewed previous ownership (moves in the general builder).
const SAME_HASH_2 = ['AaAa', 'AaBB', 'BBAa', 'BBBB'];
const SAME_HASH_4 = ['Aa', 'BB'].flatMap((a) => ['Aa', 'BB'].flatMap((b) => ['Aa', 'BB'].flatMap((c) => ['Aa', 'BB'].map((d) => a + b + c + d))));
for (let i = 0; i < 150; i++) {
  const g = group({ differentSubscriptions: i % 2 === 1 });
  const extra = sample([...SAME_HASH_2, 'Aa', 'BB', 'C#', 'Bb', 'c10', 'c9'].filter((m) => !g.ids.includes(m)), int(2, 5));
  for (const id of extra) {
    g.ids.splice(int(0, g.ids.length), 0, id);
    g.subs.splice(g.ids.indexOf(id), 0, g.subs[0]);
  }
  if (i % 2 === 1) g.subs = g.subs.map((s) => (chance(0.4) ? shuffle(subset(Object.keys(g.counts).filter((t) => g.subs.flat().includes(t)))) : s));
  csLines.push(line('cs', g, previousOwnership(g)));
}
// Nine members with one hash code: HashMap.treeifyBin doubles a small table instead of making a tree.
for (let i = 0; i < 20; i++) {
  const g = group({ differentSubscriptions: i % 2 === 1 });
  // nine same-hash ids plus others whose bucket moves when the table doubles
  const ids = shuffle([...sample(SAME_HASH_4, 9), ...sample(MEMBERS.filter((m) => m.length < 4), int(1, 3))]);
  g.subs = ids.map((_, j) => g.subs[j % g.subs.length]);
  g.ids = ids;
  csLines.push(line('cs', g, previousOwnership(g)));
}
write('range.json', about, runAssign(rangeLines));
write('roundrobin.json', about, runAssign(rrLines));
write('cooperative-sticky.json', about, runAssign(csLines));

// murmur2 of odd keys: every length 0–24 (the 4-byte body and the 1–3 byte tail), multi-byte UTF-8, a
// surrogate pair, digits, separators.
const keys = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', '21', 'foobar', 'é', 'Ω', '日本語', '𝒳', '～', 'emoji-🙂', 'key with spaces', 'user:42', 'user:0042', '-1', '0', 'null', 'ORDER-10', 'order-9', 'naïve café', 'Ä'.repeat(7)];
for (let n = 0; n <= 24; n++) keys.push(Array.from({ length: n }, () => String.fromCharCode(int(33, 126))).join(''));
for (let i = 0; i < 20; i++) keys.push(Array.from({ length: int(1, 12) }, () => pick(['a', 'Z', '0', '-', '.', 'é', 'ß', '中', '𝒳', '🙂', ' '])).join(''));
const murmur = execFileSync(join(oracle, 'run'), ['murmur', ...keys], { env: javaEnv, encoding: 'utf8' })
  .split('\n')
  .slice(0, keys.length)
  .map((row, i) => {
    const [, hash, positive] = row.split('\t').slice(-3);
    return { key: keys[i], murmur2: Number(hash), positive: Number(positive) };
  });
writeFileSync(join(here, 'murmur2.json'), JSON.stringify({ about: about.replace('assignors', 'murmur2 (Utils.murmur2, Utils.toPositive)'), kafkaCommit: '1eb7644', cases: murmur }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(`murmur2.json: ${murmur.length} keys`);
