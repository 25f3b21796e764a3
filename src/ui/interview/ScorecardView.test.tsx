/**
 * A saved scorecard, server-rendered from its record: its text rendered as text; its failing runs open
 * when its design can be rebuilt from the answers stored with it, or it says why they cannot.
 */
import { createElement, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { referenceAnswers } from '../../scenarios/interview/answers';
import { drawWhatIfs } from '../../scenarios/interview/prompt';
import { rideSharing } from '../../scenarios/interview/prompts/rideSharing';
import { scorecardOf, type Scorecard } from '../../scenarios/interview/scorecard';
import { interviewRecordOf as recordOf, type InterviewRecord } from '../../state/interviewStore';
import { ScorecardView } from './ScorecardView';

const study = { scenarioId: 'ride-sharing', step: 3, title: 'Ride-sharing, step 3: the race' };
const interviewRecordOf = (id: string, patch: Partial<InterviewRecord>): InterviewRecord => ({
  id,
  promptId: 'ride-sharing',
  promptTitle: 'Ride-sharing',
  length: 20,
  startedAt: 1_000,
  finishedAt: 601_000,
  rubric: [
    { id: 'past-tense', title: 'Events are facts', pass: true, feedback: 'Every event is a past-tense fact.', study },
    { id: 'race', title: 'The race', pass: false, feedback: 'Two drivers can both accept the ride.', study },
  ],
  runs: [],
  whatIfs: [],
  stageTimes: { clarify: 60_000, events: 120_000, topics: 120_000, consumers: 150_000, 'what-ifs': 150_000 },
  study: [study],
  ...patch,
});

describe('a saved scorecard', () => {
  it('shows the score, each point and run with its sentence and study link, the time per stage; no run opens', () => {
    const record = interviewRecordOf('iv-1', {
      runs: [
        {
          id: 'dup',
          title: 'Duplicate <b>delivery</b>',
          pass: false,
          feedback: 'Charged <img src=x> twice.',
          study: { scenarioId: 'delivery-guarantees', step: 7, title: 'Idempotent consumers' },
        },
      ],
    });
    const html = renderToStaticMarkup(
      createElement(ScorecardView, {
        record,
        headingRef: createRef<HTMLHeadingElement>(),
        heading: 'Ride-sharing, 20 minutes',
        saved: 'Saved on this device.',
      }),
    );
    expect(html).toContain('Ride-sharing, 20 minutes: 1 of 3 points');
    expect(html).toContain('Duplicate &lt;b&gt;delivery&lt;/b&gt;');
    expect(html).toContain('Charged &lt;img src=x&gt; twice.');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="#/s/delivery-guarantees/7"');
    expect(html).toContain('Study: Idempotent consumers');
    expect(html).not.toContain('Open this run');
    expect(html).toContain('Clarify the requirements: 1 min 0 s');
    expect(html).not.toContain('Clarifying questions');
  });

  const poorCard = () => {
    const whatIfs = drawWhatIfs(rideSharing, 3, 2);
    const a = referenceAnswers(rideSharing, whatIfs);
    a.questions['payments-consumer'] = { choice: 'charge' };
    const card = scorecardOf(rideSharing, a, whatIfs) as Scorecard;
    const f = { id: 'iv-2', promptId: 'ride-sharing', promptTitle: 'Ride-sharing', length: 20 as const };
    return recordOf({ ...f, startedAt: 0, finishedAt: 1, times: {} }, card);
  };
  const render = (record: InterviewRecord) =>
    renderToStaticMarkup(
      createElement(ScorecardView, {
        record,
        onOpenRun: () => Promise.resolve(),
        headingRef: createRef<HTMLHeadingElement>(),
        heading: 'Ride-sharing, 20 minutes',
        saved: 'Saved on this device.',
      }),
    );

  it('with the answers that rebuild its design: each failing run opens at its step', () => {
    const record = poorCard();
    const failing = record.runs.filter((r) => !r.pass);
    expect(failing.length).toBeGreaterThan(0);
    const html = render(record);
    for (const r of failing) expect(html).toContain(`Open this run at step ${r.openAt}`);
    expect(html).not.toContain('cannot be opened again');
  });

  it('saved before designs were kept, or with damaged answers: it lists and says why its runs cannot open', () => {
    const { design: _kept, ...old } = poorCard();
    expect(render(old)).toContain(
      'Its failing runs cannot be opened again: it was saved before scorecards kept the answers that rebuild their design.',
    );
    expect(render(old)).not.toContain('Open this run');
    const damaged = render({ ...poorCard(), design: { answers: 7 } });
    expect(damaged).toContain('Its failing runs cannot be opened again: the answers saved with it are damaged.');
  });
});
