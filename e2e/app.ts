import { expect, type Page } from '@playwright/test';

/** Page object for the player: controls by role and name, waits on the app's test hooks. */
export class PlayerPage {
  constructor(readonly page: Page) {}

  async open(hash: string) {
    await this.page.goto(`./${hash}`);
    await this.ready();
  }

  /**
   * As a learner arrives: the README's address (`./`), then the scenario's link in its group of the start page's
   * learning path (e.g. "Operations"); waits for the player's heading.
   */
  async openFromLearningPath(group: string, title: string) {
    await this.page.goto('./');
    await this.ready();
    const section = this.page.getByRole('region', { name: new RegExp(`^\\d+\\. ${group}$`) });
    await section.getByRole('link', { name: title, exact: true }).click();
    await this.ready();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async ready() {
    await this.page.waitForFunction(
      () =>
        window.__eventLab?.ready === true && (window.location.hash.length < 3 || window.__eventLab.state() !== null),
    );
    await this.settled();
  }

  async settled() {
    await this.page.evaluate(() => window.__eventLab!.settled());
  }

  state() {
    return this.page.evaluate(() => window.__eventLab!.state()!);
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async click(name: string) {
    await this.button(name).click();
    await this.settled();
  }

  /** Forks the run up to the current step (the button names the step). */
  async fork() {
    await this.forkButton(this.page).click();
    await this.settled();
  }

  forkButton(page: Page) {
    return page.getByRole('button', { name: /^Fork up to step \d+$/ });
  }

  timeline() {
    return this.page.getByRole('slider', { name: 'Timeline' });
  }

  eventRows() {
    return this.page.getByRole('table', { name: /Records and events so far/ }).locator('tbody tr');
  }

  async expectStep(step: number, lastStep: number) {
    await expect(this.page.getByText(`Step ${step} / ${lastStep}`, { exact: true })).toBeVisible();
    await expect(this.page).toHaveURL(new RegExp(`#/s/[^/]+/${step}$`));
  }
}
