/**
 * The clarifying questions' point ("Asked what changes the design") through the record a scorecard is saved as:
 * the saved scorecard counts it as the live one does, and a record saved before the point existed still opens,
 * with its own points and total (it is never graded again to be shown).
 */
import { createElement, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { referenceAnswers } from '../../scenarios/interview/answers';
import { drawWhatIfs } from '../../scenarios/interview/prompt';
import { rideSharing } from '../../scenarios/interview/prompts/rideSharing';
import { scorecardOf, type Scorecard } from '../../scenarios/interview/scorecard';
import { interviewRecordOf, scoreOf, type InterviewRecord } from '../../state/interviewStore';
import { InterviewRecordSchema } from '../../persistence/interviewRecords';
import { ScorecardView } from './ScorecardView';

const whatIfs = drawWhatIfs(rideSharing, 3, 2);
const answers = referenceAnswers(rideSharing, whatIfs);
answers.requirements = ['one-driver', 'colours'];
const card = scorecardOf(rideSharing, answers, whatIfs) as Scorecard;
const f = { id: 'iv-1', promptId: 'ride-sharing', promptTitle: 'Ride-sharing', length: 20 as const };
const record = interviewRecordOf({ ...f, startedAt: 0, finishedAt: 1, times: {} }, card);

const render = (r: InterviewRecord) =>
  renderToStaticMarkup(
    createElement(ScorecardView, {
      record: r,
      onOpenRun: () => Promise.resolve(),
      headingRef: createRef<HTMLHeadingElement>(),
      heading: 'Ride-sharing, 20 minutes',
      saved: 'Saved on this device.',
    }),
  );

describe('a saved scorecard and the clarifying questions’ point', () => {
  it('is stored with the other points and counted as the live scorecard counts it', () => {
    expect(record.rubric[0]).toMatchObject({ id: 'clarify', title: 'Asked what changes the design', pass: false });
    expect(InterviewRecordSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
    expect(scoreOf(record)).toEqual(card.score);
    const html = render(record);
    expect(html).toContain(`Ride-sharing, 20 minutes: ${card.score.passed} of ${card.score.total} points`);
    expect(html).toContain('Asked what changes the design');
    expect(html).toContain('“What happens when a card is declined?”');
  });

  it('a record saved before the point existed opens with its own points, total and openable runs', () => {
    const before: InterviewRecord = { ...record, rubric: record.rubric.filter((p) => p.id !== 'clarify') };
    expect(scoreOf(before)).toEqual({ passed: card.score.passed, total: card.score.total - 1 });
    const html = render(before);
    expect(html).toContain(`Ride-sharing, 20 minutes: ${card.score.passed} of ${card.score.total - 1} points`);
    expect(html).not.toContain('Asked what changes the design');
    expect(html).not.toContain('cannot be opened again');
  });
});
