/**
 * The practice's scorecard and its review card, server-rendered: each point's verdict, sentence and study
 * link; a failing run that was played can be opened (only where the app wires it); a missed grade in the
 * review queue asks for the design to be graded again, not for an answer.
 */
import { createElement, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { blankScenario } from '../scenarios/blank';
import { findBuiltin } from '../scenarios/content';
import { applyPatches } from '../scenarios/interview/patches';
import { gradePracticeDesign, type PracticeGrade } from '../scenarios/interview/practiceGrade';
import { POOR } from '../scenarios/interview/testing';
import { helpOf, REFERENCE_SHOWN_ID } from '../scenarios/practiceGradeNote';
import { NO_CHROME, RunProvider, type RunChrome } from '../state/react';
import type { QuestionProgress } from '../state/progress';
import PracticeGradeResult from './PracticeGradeResult';
import { DESIGN_GRADE_ID } from './PracticeGradeReview';
import { ReviewCard } from './review/ReviewCard';

const builtin = findBuiltin('ride-sharing')!;
const graded = (doc: unknown): PracticeGrade => {
  const r = gradePracticeDesign(doc);
  if (!r.ok) throw new Error('not valid');
  return r.grade;
};
const render = (grade: PracticeGrade, chrome: RunChrome, help?: Parameters<typeof PracticeGradeResult>[0]['help']) =>
  renderToStaticMarkup(
    createElement(RunProvider, {
      // The scorecard reads only the chrome; no run is needed to render it.
      store: {} as never,
      playback: {} as never,
      chrome,
      children: createElement(PracticeGradeResult, {
        grade,
        stale: false,
        recorded: 'Recorded.',
        help,
        headingRef: createRef<HTMLHeadingElement>(),
      }),
    }),
  );

describe('the practice’s scorecard', () => {
  const poor = graded(applyPatches(builtin, POOR));
  const opens: RunChrome = { ...NO_CHROME, openDesignRun: async () => undefined };

  it('a poor design: the score, each failing point with its sentence and study link, its failing runs openable', () => {
    const html = render(poor, opens);
    expect(html).toContain('Your design: 6 of 11 checks passed');
    expect(html).toContain('✗ fail</span> <strong>Events are past-tense facts</strong>');
    expect(html).toContain('DriverAcceptsRide and PaymentSucceeds are not in the past tense');
    expect(html).toContain('href="#/s/delivery-guarantees/9"');
    expect(html.match(/Open this run at step 17/g)).toHaveLength(2);
  });

  it('the help the design had, as a fact: the practice’s hints opened in its run and whether the reference was shown', () => {
    const ids = builtin.practice!.questions.map((q) => `practice-hints:${q.id}`);
    // Two hints of the first question, none of the others; a count beyond the ladder is read as the whole ladder.
    const help = helpOf(builtin, { [ids[0]!]: ['2'] });
    expect(help).toEqual({ hintsUsed: 2, hintsAvailable: 9, referenceShown: false });
    expect(render(poor, opens, help)).toContain(
      'Since this design was last saved: 2 of the practice’s 9 hints used, not compared with the reference design.',
    );
    const all = helpOf(builtin, { [ids[0]!]: ['7'], [ids[1]!]: ['3'], [REFERENCE_SHOWN_ID]: ['yes'] });
    expect(all).toEqual({ hintsUsed: 6, hintsAvailable: 9, referenceShown: true });
    expect(render(poor, opens, helpOf(builtin, {}))).toContain(
      'Since this design was last saved: no hints used (the practice has 9), not compared with the reference design.',
    );
    expect(render(poor, opens)).not.toContain('Since this design was last saved');
  });

  it('without the app’s wiring (a read-only player) a failing run is not offered to open', () => {
    expect(render(poor, NO_CHROME)).not.toContain('Open this run');
  });

  it('a blank design: each point marked missing, and what was not found named', () => {
    const html = render(graded(blankScenario({ id: 'mine', title: 'Mine', exercise: builtin })), opens);
    expect(html).toContain('Your design: 0 of 11 checks passed');
    expect(html.match(/✗ missing/g)).toHaveLength(7);
    expect(html).toContain('not found in your design (the reference’s <code>AcceptRide</code>)');
    expect(html).not.toContain('Open this run');
  });
});

describe('a missed design grade in the review queue', () => {
  it('asks for the design to be graded again, with a link to the practice', () => {
    const item = {
      id: 'ride-sharing/practice-design:graded',
      scenarioId: 'ride-sharing',
      questionId: DESIGN_GRADE_ID,
      step: 0,
      concepts: [],
      right: 0,
      wrong: 1,
      lastCorrect: false,
      lastAt: 0,
      card: null,
    } as QuestionProgress;
    const html = renderToStaticMarkup(
      createElement(ReviewCard, { item, scenarioTitle: 'Ride-sharing', hasNext: false, onDone: () => undefined }),
    );
    expect(html).toContain('Your design, graded by the simulator');
    expect(html).toContain('href="#/s/ride-sharing/0"');
    expect(html).not.toContain('no longer in');
  });
});
