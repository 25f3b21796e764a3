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

// A page opened at a scenario starts reading the scenario now (a built-in's file, or a saved one from
// the catalog, then its run: earlyScenario.ts), and loading the player (App shows it when it has
// loaded; a failure is shown there too). In the order they are needed: the scenario's read and the
// app's chunk are asked for first, so their requests do not queue behind the player's many chunks
// (a browser opens at most six connections to a server over HTTP/1.1).
const route = parseRoute(window.location.hash);
if (route.page === 'scenario') readScenarioEarly(route.scenarioId, route.step);

void import('./main');

const playerPages: readonly string[] = ['scenario', 'run', 'share', 'embed'];
if (playerPages.includes(route.page)) loadPlayer().catch(() => undefined);
