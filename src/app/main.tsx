import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpdateNotice } from './pwa/UpdateNotice';
import { installTestHooks } from './testHooks';
import './styles.css';

// The app itself, imported by boot.ts (the page's entry), which has already started loading the player
// for a page opened at a scenario.
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
