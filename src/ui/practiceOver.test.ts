/**
 * A practice's concept tags name its answers (ride-sharing: idempotent consumer, outbox relay, expected
 * revision…), and its summary tells the outcomes its questions ask about (two drivers accepting at once), so the
 * start page's card and the cheat sheet show them only once the practice is over: every question answered, the run
 * stepped into, or the practice skipped on this page. Until then the card shows the practice's teaser.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAllDatabases } from '../persistence/catalogTesting';
import catalog from '../scenarios/catalog.json';
import { findBuiltin } from '../scenarios/content';
import type { ScenarioSummary } from '../scenarios/summary';
import { applyOutcome, type QuestionProgress } from '../state/progress';
import { recordOutcome, recordStepReached } from '../state/progressStore';
import { sheetOf } from './cheatSheet/sheetContent';
import { Picker } from './Picker';
import { CONCEPTS_AFTER_PRACTICE, practiceOver, revealPractice } from './practiceOver';
import { practiceOverOnDevice } from './practiceProgress';

const ride = findBuiltin('ride-sharing')!;
const ids = ride.practice!.questions.map((q) => q.id);
const answeredSet = (n: number) => new Set(ids.slice(0, n).map((id) => `practice:${id}`));
const fresh = { questionIds: ids, answered: answeredSet(0), furthestStep: 0, revealed: false };
const answered = (n: number): QuestionProgress[] =>
  ids
    .slice(0, n)
    .map((id) =>
      applyOutcome(undefined, { scenarioId: 'ride-sharing', questionId: `practice:${id}`, correct: false }, 0),
    );

/** The ride-sharing card's HTML on the start page as first painted. */
function rideCard(): string {
  const html = renderToStaticMarkup(createElement(Picker, { scenarios: catalog as ScenarioSummary[] }));
  const at = html.indexOf('href="#/s/ride-sharing"');
  expect(at).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf('</li>', at));
}

describe('when a practice is over', () => {
  it('not while a question is open, the run unwatched and the practice not skipped', () => {
    expect(practiceOver(fresh)).toBe(false);
    expect(practiceOver({ ...fresh, answered: answeredSet(ids.length - 1) })).toBe(false);
  });

  it('once every question is answered, the run was stepped into, or it was skipped', () => {
    expect(practiceOver({ ...fresh, answered: answeredSet(ids.length) })).toBe(true);
    expect(practiceOver({ ...fresh, furthestStep: 1 })).toBe(true);
    expect(practiceOver({ ...fresh, revealed: true })).toBe(true);
  });
});

describe('the progress on this device says so', () => {
  beforeEach(deleteAllDatabases);

  it('nothing stored, or a question still open: not over', async () => {
    expect(await practiceOverOnDevice('ride-sharing')).toBe(false);
    for (const q of answered(ids.length - 1)) await recordOutcome({ ...q, correct: false, at: 0 });
    expect(await practiceOverOnDevice('ride-sharing')).toBe(false);
  });

  it('every question answered, or the run stepped into: over', async () => {
    for (const q of answered(ids.length)) await recordOutcome({ ...q, correct: false, at: 0 });
    expect(await practiceOverOnDevice('ride-sharing')).toBe(true);
    await deleteAllDatabases();
    await recordStepReached('ride-sharing', 1, ride.steps.length);
    expect(await practiceOverOnDevice('ride-sharing')).toBe(true);
  });
});

describe('the cheat sheet', () => {
  it('holds back the concepts with the takeaways until the practice is over', () => {
    expect(sheetOf(ride, answered(1), 0, true)).toMatchObject({ held: true, concepts: [] });
    expect(sheetOf(ride, answered(ids.length), 0, true).concepts).toEqual(ride.concepts);
    expect(sheetOf(ride, [], 0, false).concepts).toEqual(ride.concepts);
  });
});

/** The card's HTML holds this text (as React escapes it). */
const holds = (card: string, text: string) => card.includes(text.replaceAll("'", '&#x27;'));

describe('the start page’s practice card', () => {
  it('every built-in practice has a teaser that sets the scene without its summary’s outcomes', () => {
    for (const s of catalog as ScenarioSummary[])
      if (s.practice) expect(s.teaser?.length, `${s.id} has no practice.teaser`).toBeGreaterThan(0);
    // Ride-sharing's summary tells the race and the failed charge; its teaser names neither.
    expect(ride.summary).toMatch(/two drivers who accept at once.*the first charge fails and a retry succeeds/);
    expect(ride.practice!.teaser).not.toMatch(/two drivers|accept at once|charge|fails|retry|succeeds/);
  });

  it('shows the teaser instead of the summary and says the concepts come after the practice; other cards keep theirs', () => {
    const card = rideCard();
    expect(holds(card, ride.practice!.teaser!)).toBe(true);
    expect(holds(card, ride.summary)).toBe(false);
    expect(card).not.toContain('accept at once');
    expect(card).toContain(CONCEPTS_AFTER_PRACTICE);
    for (const c of ride.concepts) expect(card).not.toContain(`>${c}<`);
    const html = renderToStaticMarkup(createElement(Picker, { scenarios: catalog as ScenarioSummary[] }));
    expect(html).toContain('<span class="chip">consumer groups</span>');
  });

  // Last: a skip is kept for the page's life (here, the test file's).
  it('shows the summary and the tags once the practice is skipped on this page, and so does the cheat sheet', () => {
    revealPractice('ride-sharing');
    const card = rideCard();
    expect(holds(card, ride.summary)).toBe(true);
    expect(holds(card, ride.practice!.teaser!)).toBe(false);
    expect(card).not.toContain(CONCEPTS_AFTER_PRACTICE);
    for (const c of ride.concepts) expect(card).toContain(`<span class="chip">${c}</span>`);
    expect(sheetOf(ride, [], 0, true)).toMatchObject({ held: false, concepts: ride.concepts });
  });
});
