// Lint = correctness + the layer boundaries of docs/architecture.md. Imports only point down:
// app → ui → viz → state → persistence → scenarios → engine (see each folder's README).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (pattern, message) => ({ group: pattern, message });

// Patterns are matched against the import specifier; relative paths climbing into a forbidden
// folder ("../ui/…", "../../state/…") are caught as well as bare packages.
const up = (folder) => [`**/${folder}`, `**/${folder}/**`];
const uiLibs = [
  'react',
  'react-dom',
  'react-dom/*',
  'd3',
  'd3-*',
  'idb',
  'zustand',
  'zustand/*',
  'xstate',
  '@xstate/*',
  'zod',
  'zod/*',
];

// Test support (`*.testkit.ts`: fixtures, conformance suites, model checks that import vitest or
// fast-check) is for tests only: shipped code that imported it would pull a test runner into the app.
const testkit = layer(
  ['**/*.testkit', '**/*.testkit.ts'],
  'Test support (*.testkit.ts) is for tests; shipped code never imports it.',
);

const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, testkit] }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-*', 'test-results', 'playwright-report', 'public/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'A focused test skips the rest of the suite.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-properties': ['error', { object: 'window', property: 'eval' }],
      'no-restricted-globals': ['error', { name: 'eval', message: 'Scenarios are data; nothing is evaluated.' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/**/*.testkit.ts'],
    rules: {
      ...restrict([
        layer(
          [...up('app'), ...up('ui'), ...up('viz'), ...up('state'), ...up('persistence'), ...up('scenarios')],
          'The engine imports nothing outside itself.',
        ),
        layer(uiLibs, 'The engine is pure TypeScript: no UI, D3, IndexedDB or state libraries.'),
      ]),
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Time is simulated in the engine.' },
        { name: 'setInterval', message: 'Time is simulated in the engine.' },
        { name: 'requestAnimationFrame', message: 'The engine has no frames.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'indexedDB', message: 'Persistence lives in src/persistence.' },
        { name: 'performance', message: 'Time is simulated in the engine.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in sim/random.ts.' },
        { object: 'Date', property: 'now', message: 'Use the simulated clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the simulated clock.' },
      ],
    },
  },
  {
    files: ['src/scenarios/**/*.ts'],
    ignores: ['src/scenarios/**/*.test.ts', 'src/scenarios/**/*.testkit.ts'],
    rules: restrict([
      layer(
        [...up('app'), ...up('ui'), ...up('viz'), ...up('state'), ...up('persistence')],
        'scenarios may import only engine.',
      ),
      layer(
        ['react', 'react-dom', 'd3', 'd3-*', 'idb', 'zustand', 'zustand/*', 'xstate', '@xstate/*'],
        'scenarios is pure: engine and the schema library only.',
      ),
    ]),
  },
  {
    files: ['src/persistence/**/*.ts'],
    ignores: ['src/persistence/**/*.test.ts', 'src/persistence/**/*.testkit.ts'],
    rules: restrict([
      layer(
        [...up('app'), ...up('ui'), ...up('viz'), ...up('state')],
        'persistence may import engine, scenarios types and idb.',
      ),
      layer(
        ['react', 'react-dom', 'd3', 'd3-*', 'zustand', 'zustand/*', 'xstate', '@xstate/*'],
        'persistence has no UI or state library.',
      ),
    ]),
  },
  {
    files: ['src/state/**/*.ts', 'src/state/**/*.tsx'],
    ignores: ['src/state/**/*.test.ts', 'src/state/**/*.testkit.ts'],
    rules: restrict([
      layer([...up('app'), ...up('ui'), ...up('viz')], 'state may import engine, scenarios and persistence.'),
      layer(['d3', 'd3-*', 'idb'], 'state reaches IndexedDB only through persistence ports.'),
    ]),
  },
  {
    files: ['src/viz/**/*.ts', 'src/viz/**/*.tsx'],
    ignores: ['src/viz/**/*.test.ts', 'src/viz/**/*.testkit.ts'],
    rules: restrict([
      layer([...up('app'), ...up('ui'), ...up('persistence')], 'viz may import state hooks, engine types and d3.'),
      layer(['idb', 'd3'], 'viz uses d3 submodules (d3-scale, d3-shape, …), never the bundle, and no IndexedDB.'),
    ]),
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['src/ui/**/*.test.ts', 'src/ui/**/*.testkit.ts'],
    rules: restrict([
      layer([...up('app'), ...up('persistence')], 'ui may import state, viz and scenario types.'),
      layer(['idb', 'd3'], 'ui has no IndexedDB; use d3 submodules through viz.'),
    ]),
  },
  {
    // The app composes everything; it only may not ship test support.
    files: ['src/app/**/*.ts', 'src/app/**/*.tsx'],
    ignores: ['src/app/**/*.test.ts', 'src/app/**/*.test.tsx', 'src/app/**/*.testkit.ts', 'src/app/testing/**'],
    rules: restrict([]),
  },
);
