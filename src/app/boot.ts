/**
 * The page's entry: deliberately tiny (no React, no app), so a page opened at a scenario asks for the
 * player chunks at once, in parallel with the app's own chunk, instead of after that chunk has
 * downloaded and run (a module's dynamic imports start only once its static imports have all
 * evaluated). Measured by `npm run bench` (bench/browser/openAtStep.bench.spec.ts): the player's
 * requests moved from ~120 ms to ~30 ms after navigation on a warm cache.
 */
import { parseRoute } from '../state/route';
import { readScenarioEarly } from './earlyScenario';
import { loadPlayer } from './playerChunk';

// A page opened at a scenario starts loading the player now (App shows it when it has loaded; a
// failure is shown there too), and reading the scenario with it: a built-in's file, or a saved one
// from the catalog.
const route = parseRoute(window.location.hash);
const playerPages: readonly string[] = ['scenario', 'run', 'share', 'embed'];
if (playerPages.includes(route.page)) loadPlayer().catch(() => undefined);
if (route.page === 'scenario') readScenarioEarly(route.scenarioId);

void import('./main');
