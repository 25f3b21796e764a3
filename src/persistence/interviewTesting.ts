/** Test helpers only: a valid finished mock interview's record, with the fields a test sets. */
import type { InterviewRecord } from './interviewRecords';

const study = { scenarioId: 'ride-sharing', step: 3, title: 'Ride-sharing, step 3: the race' };

export const interviewRecordOf = (id: string, patch: Partial<InterviewRecord> = {}): InterviewRecord => ({
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
  runs: [{ id: 'duplicate', title: 'Duplicate delivery', pass: false, feedback: 'Charged twice.', study }],
  whatIfs: [
    {
      prompt: 'What if the payment service is down?',
      choice: { text: 'Retry with the ride id as the key', correct: true, why: 'The retry is deduplicated.' },
      run: null,
      notRun: 'A service being down is not something the simulator runs.',
    },
  ],
  stageTimes: { clarify: 60_000, events: 120_000, topics: 120_000, consumers: 150_000, 'what-ifs': 150_000 },
  study: [study],
  ...patch,
});
