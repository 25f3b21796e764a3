/**
 * The interviewer's "reprocess a day" what-if, word for word the same in the ride-sharing and
 * food-delivery prompts, so it is written once here.
 */
import type { WhatIf } from '../prompt';

export const reprocessDayWhatIf: WhatIf = {
  id: 'reprocess',
  prompt: 'A bad deploy of notifications sent wrong receipts all day. How do you reprocess the day?',
  choices: [
    {
      id: 'reset-offsets',
      text: "Fix the bug, stop the group, reset its offsets to this morning and let it read the day again, after clearing its record of the day's processed event ids",
      correct: true,
      why: 'The log keeps the day and a group can read it again; without clearing, its deduplication would skip every replayed event.',
    },
    {
      id: 'republish',
      text: "Ask every service to publish the day's events again",
      correct: false,
      why: 'New copies with new ids: every other consumer processes them a second time.',
    },
  ],
  check: {
    notRun:
      'Not run: resetting offsets needs the group stopped first, and this script has no later poll to replay into.',
  },
};
