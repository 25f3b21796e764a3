/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playerChunkGroup } from './build/chunkGroups';

// Theme colours, as in src/app/styles.css (--accent and --bg).
const THEME_COLOR = '#1d4ed8';
const BACKGROUND_COLOR = '#f6f7f9';

/**
 * Social previews want absolute addresses, but the build is path-independent (relative base). By
 * default index.html names the preview image relative to the page (`./og-image.png`), which most
 * previewers resolve; a build for a known address (`EVENT_LAB_SITE_URL=https://example.org/event-lab/
 * npm run build`) makes og:image absolute and adds og:url.
 */
function socialPreview(siteUrl: string | undefined): Plugin {
  return {
    name: 'event-lab:social-preview',
    apply: 'build',
    transformIndexHtml(html) {
      if (!siteUrl) return html;
      const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
      return html
        .replace(/(<meta property="og:image" content=")\.\/([^"]+")/, `$1${base}$2`)
        .replace(/(<meta name="twitter:image" content=")\.\/([^"]+")/, `$1${base}$2`)
        .replace(
          '<meta property="og:type"',
          `<meta property="og:url" content="${base}" />\n    <meta property="og:type"`,
        );
    },
  };
}

/**
 * A hash of the app's source (tests left out), built in as __EVENT_LAB_SOURCE__: a world checkpoint
 * stored by one version of the engine is never used by another (src/state/runCheckpoint.ts).
 */
function sourceHash(): string {
  const src = fileURLToPath(new URL('./src', import.meta.url));
  const hash = createHash('sha256');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|json)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .sort();
  for (const f of files)
    hash
      .update(`${f}\0`)
      .update(readFileSync(`${src}/${f}`))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

// Relative base so the built app works from any static host path (GitHub Pages, a subfolder).
export default defineConfig(({ mode }) => ({
  base: './',
  define: { __EVENT_LAB_SOURCE__: JSON.stringify(sourceHash()) },
  plugins: [
    react(),
    // Offline and installable: Workbox's generated service worker (precaching is a solved problem
    // with many edge cases — revisions, cleanup, navigation fallback — so it is not hand-written).
    // Only the production build has it: `vite dev` and the e2e build (`--mode e2e`, test hooks)
    // stay without a worker so their tests are fast and isolated. src/app/pwa/ registers it.
    VitePWA({
      disable: mode !== 'production',
      strategies: 'generateSW',
      // A new worker waits until the learner chooses to reload (see src/app/pwa/register.ts for why).
      registerType: 'prompt',
      // Registered from our own module (virtual:pwa-register): no inline script under a strict CSP.
      injectRegister: false,
      // The icons are precached by the glob below (listing them here too would add them twice).
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Event Lab',
        short_name: 'Event Lab',
        description:
          'Learn event-driven architecture by stepping through Kafka-style logs, event stores and CQRS, entirely in your browser.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['education', 'developer'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell, every lazy chunk (player, scenario library, validator, import/backup flows)
        // and the built-in scenarios bundled in them; never source maps. The social preview image is
        // for link previewers only, so it is not downloaded into every visitor's cache.
        // (The web manifest is added by the plugin itself; matching it here too would list it twice.)
        globPatterns: ['**/*.{html,js,css,svg,png,json}'],
        globIgnores: ['**/*.map', 'og-image.png'],
        // Routes live in the hash, so every navigation inside the scope is the one page.
        navigateFallback: 'index.html',
        // The library chunk (all built-in scenarios) is large; keep headroom over Workbox's 2 MiB.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The very first visit is controlled at once, so it keeps working if the network drops
        // before the next page load. Updates still wait for the learner (no skipWaiting).
        clientsClaim: true,
        sourcemap: false,
      },
    }),
    socialPreview(process.env.EVENT_LAB_SITE_URL),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    // The player's code as one chunk: build/playerChunk.ts says why.
    rolldownOptions: { output: { codeSplitting: { groups: [playerChunkGroup()] } } },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
  },
}));
