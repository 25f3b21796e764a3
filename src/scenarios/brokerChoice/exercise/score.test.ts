import { describe, expect, it } from 'vitest';
import { score } from './score';
import { REQUIREMENT_SETS } from './sets';

describe('the score', () => {
  it('counts each set by the grade of the pick, and unanswered sets apart', () => {
    const s = score(REQUIREMENT_SETS, {
      'marketplace-history': 'kafka',
      'image-jobs': 'kafka',
      'ledger-managed': 'pubsub',
    });
    expect(s.counts).toEqual({ best: 1, workable: 1, poor: 1, unanswered: REQUIREMENT_SETS.length - 3 });
    expect(s.lines[0]).toMatchObject({ pick: 'kafka', grade: 'best', best: ['kafka'] });
    expect(s.lines[1]).toMatchObject({ pick: 'kafka', grade: 'poor', best: ['rabbitmq'] });
  });
});
