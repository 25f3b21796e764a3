import { test } from '@playwright/test';

const shots: { name: string; hash: string; width: number; height: number }[] = [
  { name: 'picker', hash: '#/', width: 1280, height: 720 },
  { name: 'pubsub-step-4', hash: '#/s/pubsub-basics/4', width: 1440, height: 900 },
  { name: 'pubsub-step-5', hash: '#/s/pubsub-basics/5', width: 1440, height: 900 },
  { name: 'pubsub-step-11', hash: '#/s/pubsub-basics/11', width: 1280, height: 720 },
];

for (const s of shots) {
  test(`screenshot ${s.name}`, async ({ page }) => {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.goto(`./${s.hash}`);
    await page.waitForFunction(() => window.__eventLab?.ready === true);
    await page.evaluate(() => window.__eventLab!.settled());
    await page.screenshot({ path: `docs/screenshots/${s.name}.png`, fullPage: true });
  });
}
