import { expect, test } from '@playwright/test';
import catalog from '../src/scenarios/catalog.json' with { type: 'json' };
import { PlayerPage } from './app';

/** At 800 px wide nothing scrolls sideways: the diagram scales, tables scroll inside themselves. */
test.use({ viewport: { width: 800, height: 900 } });

for (const s of catalog) {
  test(`${s.id} at 800 px: no horizontal scroll at its start, middle and end`, async ({ page }) => {
    const app = new PlayerPage(page);
    for (const step of [0, Math.floor(s.steps / 2), s.steps]) {
      await app.open(`#/s/${s.id}/${step}`);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll, `step ${step}: the page is ${scroll} px wide in an ${client} px window`).toBeLessThanOrEqual(
        client,
      );
    }
  });
}
