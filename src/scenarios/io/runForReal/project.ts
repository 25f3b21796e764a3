/**
 * An exported project: `(scenario's run facts, target) → { files }`, every file as text. The program files
 * (run.js, compare.js) are fixed sources kept beside this module in `project/`; the scenario travels in
 * run.json. CommonJS on purpose: `require` also resolves through NODE_PATH, so the same files run in place
 * against this repository's clients in `npm run test:brokers`.
 */
import compareJs from './project/compare.cjs?raw';
import { TARGET_NAMES, type RunFile, type Target } from './runFile';
import { CLIENT_VERSIONS } from './versions';

/** What a target contributes: its client, program, run.json, how to reach its server, and its name mapping. */
export interface TargetProject {
  readonly client: keyof typeof CLIENT_VERSIONS;
  readonly runJs: string;
  readonly run: RunFile;
  readonly envVar: string;
  readonly defaultUrl: string;
  readonly serverSteps: readonly string[];
  readonly mapping: readonly string[];
  readonly extraFiles?: Readonly<Record<string, string>>;
}

export interface ExportedProject {
  /** Path inside the project → file text. */
  readonly files: Readonly<Record<string, string>>;
}

/** Inline code in Markdown for a name of the scenario id alphabet (letters, digits, ".", "_", "-": no backticks). */
export const code = (s: string) => '`' + s + '`';

/** The templates' first line only quiets this repository's linter about `require`; the export leaves it out. */
const clean = (source: string) => source.replace(/^\/\* eslint-disable[^\n]*\n/, '');

export function assemble(p: TargetProject): ExportedProject {
  const { run } = p;
  const packageJson = {
    name: packageName(`eventlab-${run.scenario.id}-${run.target}`),
    version: '1.0.0',
    private: true,
    description: `Event Lab scenario "${run.scenario.title}" on a real ${run.targetName}`,
    type: 'commonjs',
    main: 'run.js',
    scripts: { start: 'node run.js' },
    engines: { node: '>=20' },
    dependencies: { [p.client]: CLIENT_VERSIONS[p.client] },
  };
  return {
    files: {
      'package.json': JSON.stringify(packageJson, null, 2) + '\n',
      'run.js': clean(p.runJs),
      'compare.js': clean(compareJs),
      'run.json': JSON.stringify(run, null, 2) + '\n',
      'README.md': readme(p),
      ...p.extraFiles,
    },
  };
}

/** npm package names: lower case, URL-safe, at most 214 characters. */
const packageName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .slice(0, 214);

function readme(p: TargetProject): string {
  const { run } = p;
  const groups = run.groups.length;
  return [
    `# ${run.scenario.title.replace(/\s+/g, ' ')} — on a real ${run.targetName}`,
    '',
    `Exported by Event Lab from the scenario ${code(run.scenario.id)}, played in the simulator to its last step (${run.scenario.steps}).`,
    `\`run.js\` sends the ${run.records.length} record(s) the simulator appended, with the same keys, to ${run.targetName} through`,
    `${code(p.client)} ${CLIENT_VERSIONS[p.client]}, reads them with the scenario's ${groups} consumer group(s), and prints where each`,
    'record went next to where the simulator put it. `result.json` holds the comparison; the exit code is 0 when',
    'real and simulator agree, 1 when they differ (the printout names the differences), 2 on an error.',
    '',
    '## Run it',
    '',
    ...p.serverSteps.map((s) => `- ${s}`),
    '',
    '```sh',
    ...(run.target === 'kafka' ? ['docker compose up -d'] : []),
    'npm install',
    'node run.js',
    '```',
    '',
    `The server address comes from ${code(p.envVar)} (default ${code(p.defaultUrl)}); ${code('EVENT_LAB_WAIT_MS')} is how long`,
    'to wait for every group to receive everything. Each run sends the records again with a fresh run id; a',
    'record of an earlier run is counted as ignored, never as a delivery.',
    '',
    '## How the scenario is mapped',
    '',
    ...p.mapping,
    '',
    '## What is compared, and what is not',
    '',
    ...run.notes.map((n) => `- ${n}`),
    '',
    'A record the simulated group had not received when the scenario ended (it stops where its story stops)',
    'is listed as "only here": the real consumers read every record.',
    '',
    '## Files',
    '',
    '- `run.js` — the program; `compare.js` — the comparison and the printout (no dependencies);',
    "- `run.json` — the simulator's topology, records and deliveries (data only);",
    `- \`package.json\` — pins ${code(p.client)} ${CLIENT_VERSIONS[p.client]} exactly${run.target === 'kafka' ? ';' : '.'}`,
    ...(run.target === 'kafka' ? ['- `compose.yaml` — the one-node KRaft broker.'] : []),
    '',
  ].join('\n');
}

export { TARGET_NAMES, type Target };
