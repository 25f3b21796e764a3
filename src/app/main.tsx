import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpdateNotice } from './pwa/UpdateNotice';
import { installTestHooks } from './testHooks';
import { loadPlayer } from './playerChunk';
import { readScenarioEarly } from './earlyScenario';
import catalog from '../scenarios/catalog.json';
import { parseRoute } from '../state/route';
import './styles.css';

// A page opened at a scenario starts loading the player now, while the entry renders (App shows it
// when it has loaded; a failure is shown there too), and a saved scenario's read from the catalog with it.
const route = parseRoute(window.location.hash);
if (route.page !== 'picker' && route.page !== 'not-found') loadPlayer().catch(() => undefined);
if (route.page === 'scenario' && !catalog.some((s) => s.id === route.scenarioId)) readScenarioEarly(route.scenarioId);

installTestHooks();

// Offline support and the "new version" notice: the production build only (not `vite dev`, not the
// e2e build). Loaded after the first screen; Workbox's window library is a chunk of its own. An embed
// (#/embed/…, an iframe on someone else's page) stores nothing, so it installs no worker either.
if (import.meta.env.MODE === 'production' && !window.location.hash.startsWith('#/embed/')) {
  void import('./pwa/register').then(({ registerServiceWorker }) => registerServiceWorker());
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);
