import { expect, type Page } from '@playwright/test';

/** A fixed start for the page's clock: the timer and the what-ifs' seed follow it, nothing waits for real time. */
export const INTERVIEW_START = new Date('2026-12-05T09:00:00Z');

type Name = string | RegExp;

/** The answers of stages 2 to 4 (radios by name; read models are checkboxes). */
export interface StageAnswers {
  events: readonly Name[];
  topics: readonly Name[];
  consumers: readonly Name[];
  readModels: readonly Name[];
}

/** The ride-sharing prompt answered as its reference design does. */
export const RIDE_SHARING_REFERENCE: StageAnswers = {
  events: ['RideAccepted', 'PaymentCaptured', 'PaymentFailed'],
  topics: ['By ride id', 'By driver id', /^The Payment aggregate stores it/, 'Apache Kafka'],
  consumers: [
    /^The Ride aggregate: both are decided on the same revision/,
    /^Skips it: the group deduplicates/,
    /^Record PaymentFailed, show it to the rider/,
  ],
  readModels: [/^Trip status \(rider app\)/, /^Driver earnings \(driver app\)/],
};

/** The right answer of each ride-sharing what-if the interviewer may draw (two are drawn for 20 minutes). */
export const RIDE_SHARING_RIGHT_WHAT_IFS: readonly RegExp[] = [
  /^The Ride aggregate decides the late accept/,
  /^The retry carries the ride id as the idempotency key/,
  /^Add members to each consumer group/,
  /^Stop the group, reset its offsets/,
];

const STAGE_TITLES = [
  'Clarify the requirements',
  'Name the events',
  'Topics, keys and publishing',
  'Consumers and read models',
  'What if…',
] as const;

/**
 * Page object for the mock interview (`#/mock-interview`): controls by role and name; the page's clock is
 * installed at `start` and moves only when a step says so.
 */
export class MockInterviewPage {
  constructor(
    readonly page: Page,
    readonly start: Date = INTERVIEW_START,
  ) {}

  /** Installs the clock, opens the start page and follows its link to the mock interview. */
  async open() {
    await this.page.clock.install({ time: this.start });
    await this.page.goto('./#/');
    await this.page.waitForFunction(() => window.__eventLab?.ready === true);
    await this.page.getByRole('link', { name: 'Mock interview' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Mock interview' })).toBeVisible();
  }

  /**
   * From here the page's time moves only when the test says so; `afterMs` past the start seeds the what-ifs drawn.
   * Call it once the lazy page has loaded (React's Suspense waits on a timer).
   */
  async holdAt(afterMs = 60_000) {
    await this.page.clock.pauseAt(this.start.getTime() + afterMs);
  }

  /** Picks a prompt (by the start of its title) and a length, and starts. */
  async begin(prompt: string, minutes: 20 | 45 = 20) {
    await this.page.getByRole('radio', { name: new RegExp(`^${prompt}`) }).check();
    await this.page.getByRole('radio', { name: new RegExp(`^${minutes} minutes`) }).check();
    await this.page.getByRole('button', { name: 'Start the interview' }).click();
  }

  /** Stage `n` is on screen: its heading has the focus. */
  async expectStage(n: 1 | 2 | 3 | 4 | 5) {
    const name = `Stage ${n} of 5: ${STAGE_TITLES[n - 1]}`;
    await expect(this.page.getByRole('heading', { level: 2, name })).toBeFocused();
  }

  nextButton() {
    return this.page.getByRole('button', { name: /^(Next stage|Finish and see the scorecard)$/ });
  }

  async next() {
    await this.nextButton().click();
  }

  group(name: Name) {
    return this.page.getByRole('group', { name });
  }

  async choose(names: readonly Name[]) {
    for (const name of names) await this.page.getByRole('radio', { name }).check();
  }

  async tick(names: readonly Name[]) {
    for (const name of names) await this.page.getByRole('checkbox', { name }).check();
  }

  /** Stage 1: ticks the questions after 65 s of the stage's 2 minutes (the timer says so; moving on waits for a question). */
  async clarify(questions: readonly string[]) {
    await this.expectStage(1);
    const timer = this.page.getByRole('timer', { name: 'Time' });
    await expect(timer).toContainText('This stage: 0:00 of 2:00');
    await this.page.clock.runFor(65_000);
    await expect(timer).toContainText('This stage: 1:05 of 2:00');
    await expect(this.page.getByRole('button', { name: 'Next stage' })).toBeDisabled();
    await this.tick(questions);
    await this.next();
  }

  /** Stages 2 to 4 answered in turn; `ownAnswers` runs at stage 2 before the picks (an event named in the learner's words). */
  async answerStages(answers: StageAnswers, ownAnswers?: () => Promise<void>) {
    await this.expectStage(2);
    if (ownAnswers) await ownAnswers();
    await this.choose(answers.events);
    await this.next();
    await this.expectStage(3);
    await this.choose(answers.topics);
    await this.next();
    await this.expectStage(4);
    await this.choose(answers.consumers);
    await this.tick(answers.readModels);
    await this.next();
  }

  /**
   * A 20-minute interview started at 75 s (for every prompt, this start time's seed draws the phone-offline
   * and reprocess what-ifs), answered with `answers` up to stage 5.
   */
  async toPhoneOfflineAndReprocess(prompt: string, clarify: readonly string[], answers: StageAnswers) {
    await this.holdAt(75_000);
    await this.begin(prompt, 20);
    await this.clarify(clarify);
    await this.answerStages(answers);
    await this.expectStage(5);
  }

  /** Stage 5: in each what-if (by the start of its prompt), the choice named. */
  async answerWhatIfsWith(choices: readonly [whatIf: RegExp, choice: Name][]) {
    for (const [whatIf, choice] of choices) await this.group(whatIf).getByRole('radio', { name: choice }).check();
  }

  /**
   * The ride-sharing interview at the phone-offline and reprocess what-ifs, answered with the reference design;
   * the late accept answered right and the reprocess answered wrong (deduplication switched off), then the
   * scorecard.
   */
  async reprocessWithoutDeduplication(clarify: readonly string[]) {
    await this.toPhoneOfflineAndReprocess('Ride-sharing', clarify, RIDE_SHARING_REFERENCE);
    await this.answerWhatIfsWith([
      [/^driver-3's phone goes offline/, /^The Ride aggregate decides the late accept like any other/],
      [
        /^A deploy of notifications had a bug all day/,
        /^Reset the offsets and switch the consumer's deduplication off/,
      ],
    ]);
    await this.next();
  }

  /** Stage 5: the right answer of each what-if drawn, 30 s spent, then the scorecard. */
  async answerWhatIfs(right: readonly RegExp[] = RIDE_SHARING_RIGHT_WHAT_IFS) {
    await this.expectStage(5);
    const groups = this.page.locator('fieldset.interview-question');
    for (const g of await groups.all())
      for (const name of right) {
        const radio = g.getByRole('radio', { name });
        if ((await radio.count()) > 0) await radio.check();
      }
    await this.page.clock.runFor(30_000);
    await this.next();
  }

  scorecardHeading(name: Name = /^Scorecard: /) {
    return this.page.getByRole('heading', { level: 2, name });
  }

  rubricRow(point: string) {
    return this.page.getByRole('table').getByRole('row', { name: new RegExp(`^${point}`) });
  }

  run(title: string) {
    return this.page.getByRole('listitem', { name: `Run: ${title}` }).first();
  }

  /** Opens a failing run in the player at `step`: the design saved as the learner's own, the run as a branch. */
  async openRun(title: string, step: number) {
    await this.run(title)
      .getByRole('button', { name: `Open this run at step ${step} — ${title}` })
      .click();
    await expect(this.page).toHaveURL(new RegExp(`#/r/b-[^/]+/${step}$`));
    await this.page.waitForFunction(() => window.__eventLab?.ready === true);
    await expect(this.page.getByRole('heading', { level: 1, name: 'My mock-interview design' })).toBeVisible();
  }

  /** The page at 1440×900, 1280×720 and 800 px: nothing wider than the window, one screenshot each. */
  async shotsAtSizes(path: (w: number, h: number) => string, fullPage = true) {
    for (const [w, h] of [
      [1440, 900],
      [1280, 720],
      [800, 900],
    ] as const) {
      await this.page.setViewportSize({ width: w, height: h });
      expect(await this.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await this.page.screenshot({ path: path(w, h), fullPage });
    }
  }
}
