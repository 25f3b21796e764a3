// `npm run bench`: Node benchmarks of the pure engine (Vitest), then browser benchmarks in
// Chromium (Playwright). Each figure is printed next to a baseline measured in the same run and
// written to bench-results.json as [{ name, value, unit, baseline, ratio }].
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';

const JSONL = 'bench-results.jsonl';
rmSync(JSONL, { force: true });

const run = (label, cmd, args) => {
  console.log(`\n── ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, EVENT_LAB_BENCH: '1' } });
  return r.status === 0;
};

let ok = true;
if (readdirSync('bench/node').some((f) => f.endsWith('.bench.ts'))) {
  ok = run('engine (Node)', 'npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts']) && ok;
}
if (readdirSync('bench/browser').some((f) => f.endsWith('.spec.ts'))) {
  ok =
    run('browser (Chromium)', 'node', ['scripts/ensure-browser.mjs']) &&
    run('browser (Chromium)', 'npx', ['playwright', 'test', '--config', 'playwright.bench.config.ts']) &&
    ok;
}

const results = existsSync(JSONL)
  ? readFileSync(JSONL, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
rmSync(JSONL, { force: true });
writeFileSync('bench-results.json', JSON.stringify(results, null, 2) + '\n');

console.log('\n── results (bench-results.json)');
const w = Math.max(10, ...results.map((r) => r.name.length));
for (const r of results) {
  const base = r.baseline === null ? '' : `  baseline ${String(r.baseline).padStart(12)}  ratio ${r.ratio}`;
  console.log(`${r.name.padEnd(w)}  ${String(r.value).padStart(12)} ${r.unit.padEnd(10)}${base}`);
}
process.exit(ok ? 0 : 1);
