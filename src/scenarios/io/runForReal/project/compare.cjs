/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: the project's clients may resolve through NODE_PATH */
// Shared by run.js: reads run.json (what the simulator did), compares it with what the real broker did,
// prints both side by side and writes result.json. Plain Node, no dependencies.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

/** The simulator's facts, written by Event Lab next to this file. */
function readRun() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'run.json'), 'utf8'));
}

/** A fresh id per run, sent with every record, so records left on the broker by an earlier run are ignored. */
function newRunId() {
  return crypto.randomUUID();
}

/**
 * How many records each group should receive on the real broker: every record on the topics it reads, none
 * for a group without members (it gets no consumer, as it read nothing in the simulator).
 */
function expectedCounts(run) {
  const counts = {};
  for (const g of run.groups)
    counts[g.id] = g.members.length === 0 ? 0 : run.records.filter((r) => g.topics.includes(r.topic)).length;
  return counts;
}

/** Waits until every group has received what it should (or the time is up); `received` fills meanwhile. */
async function waitForAll(run, received, timeoutMs) {
  const want = expectedCounts(run);
  const started = Date.now();
  const done = () => run.groups.every((g) => (received[g.id] || []).length >= want[g.id]);
  while (!done() && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 50));
  return done();
}

/** Records per (topic, key) in the order a list has them. */
function byKey(run, ns) {
  const out = new Map();
  for (const n of ns) {
    const r = run.records[n - 1];
    if (r.key === null) continue;
    const k = JSON.stringify([r.topic, r.key]);
    if (!out.has(k)) out.set(k, []);
    out.get(k).push(n);
  }
  return out;
}

/**
 * What is comparable on every target: each group receives the same records, and records with the same
 * key on the same topic arrive in the same order. On Kafka also the partition of every keyed or explicitly
 * partitioned record (`real.partitions`); keyless placement is random in both and is only shown.
 */
function compare(run, real) {
  const groups = run.groups.map((g) => {
    const sim = g.simulator.map((d) => d.n);
    const got = [];
    for (const d of real.groups[g.id] || []) if (!got.includes(d.n)) got.push(d.n);
    const both = new Set(sim.filter((n) => got.includes(n)));
    const simOrder = byKey(
      run,
      sim.filter((n) => both.has(n)),
    );
    const realOrder = byKey(
      run,
      got.filter((n) => both.has(n)),
    );
    const orderDiffs = [];
    for (const [k, s] of simOrder) {
      const r = realOrder.get(k) || [];
      if (s.join() !== r.join()) {
        const [topic, key] = JSON.parse(k);
        orderDiffs.push({ topic, key, simulator: s, real: r });
      }
    }
    return {
      id: g.id,
      simulator: sim,
      real: got,
      missing: sim.filter((n) => !got.includes(n)),
      extra: got.filter((n) => !sim.includes(n)),
      orderDiffs,
    };
  });
  const placements = [];
  if (real.partitions)
    for (const r of run.records) {
      const compared = r.simulator.comparable;
      const p = real.partitions[r.n];
      placements.push({ n: r.n, simulator: r.simulator.partition, real: p === undefined ? null : p, compared });
    }
  const same =
    groups.every((g) => g.missing.length === 0 && g.extra.length === 0 && g.orderDiffs.length === 0) &&
    placements.every((p) => !p.compared || p.simulator === p.real);
  return { same, groups, placements, ignored: real.ignored || 0 };
}

const show = (v) => JSON.stringify(v);

/** The printout: each record with where the real broker put it next to where the simulator put it. */
function print(run, real, result, log = console.log) {
  log(
    `Event Lab: "${run.scenario.title}" on ${run.targetName}, compared with the simulator's run (${run.scenario.steps} steps)`,
  );
  for (const note of run.notes) log(`  note: ${note}`);
  log('');
  const receivers = (list, n) =>
    list
      .filter((x) => x.got.some((d) => d.n === n))
      .map((x) => `${x.id} (${x.got.find((d) => d.n === n).who})`)
      .join(', ') || 'no group';
  const simGot = run.groups.map((g) => ({ id: g.id, got: g.simulator.map((d) => ({ n: d.n, who: d.member })) }));
  const realGot = run.groups.map((g) => ({
    id: g.id,
    got: (real.groups[g.id] || []).map((d) => ({ n: d.n, who: d.consumer })),
  }));
  for (const r of run.records) {
    const uncompared = real.partitions && !r.simulator.comparable;
    const why =
      r.simulator.placement === 'sticky' ? 'keyless: its partition is not compared' : 'its partition is not compared';
    log(`#${r.n} ${r.topic} key ${r.key === null ? '(none)' : show(r.key)}${uncompared ? ` (${why})` : ''}`);
    log(`   simulator: ${r.topic}-${r.simulator.partition} offset ${r.simulator.offset} → ${receivers(simGot, r.n)}`);
    log(`   real:      ${real.where[r.n] || 'not sent'} → ${receivers(realGot, r.n)}`);
  }
  log('');
  for (const g of result.groups) {
    const parts = [`group ${g.id}: simulator ${g.simulator.length} record(s), real ${g.real.length}`];
    if (g.missing.length) parts.push(`missing here: #${g.missing.join(', #')}`);
    if (g.extra.length)
      parts.push(
        `only here: #${g.extra.join(', #')} (the simulated group had not received them when the scenario ended)`,
      );
    for (const d of g.orderDiffs)
      parts.push(`key ${show(d.key)} on ${d.topic}: simulator #${d.simulator.join(' #')}, real #${d.real.join(' #')}`);
    log(parts.join('; '));
  }
  for (const p of result.placements)
    if (p.compared && p.simulator !== p.real) log(`#${p.n}: partition ${p.real} here, ${p.simulator} in the simulator`);
  if (result.ignored) log(`(${result.ignored} record(s) left by an earlier run were ignored)`);
  log(
    result.same
      ? 'SAME: every group received the same records as in the simulator, with the same order per key.'
      : 'DIFFERENT: see the lines above.',
  );
}

/** Compares, prints, writes result.json and sets the exit code (0 same, 1 different). */
function finish(run, real) {
  const result = compare(run, real);
  print(run, real, result);
  fs.writeFileSync(path.join(__dirname, 'result.json'), JSON.stringify({ ...result, real }, null, 2) + '\n');
  process.exitCode = result.same ? 0 : 1;
  return result;
}

module.exports = { readRun, newRunId, expectedCounts, waitForAll, compare, print, finish };
