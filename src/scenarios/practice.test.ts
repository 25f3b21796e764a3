import { describe, expect, it } from 'vitest';
import { findBuiltin } from './content';
import { comparePractice, decodePracticeAnswer, encodePracticeAnswer } from './practice';

const practice = findBuiltin('ride-sharing')!.practice!;
const events = practice.questions.find((q) => q.id === 'events')!;

describe('practice comparison', () => {
  it('splits choices into agreed, missed and extra', () => {
    const c = comparePractice(events, { choices: ['ride-requested', 'accept-ride'], text: '' });
    expect(c.agreed).toEqual(['ride-requested']);
    expect(c.extra).toEqual(['accept-ride']);
    expect(c.missed).toContain('ride-accepted');
    expect(c.missed).not.toContain('ride-requested');
  });

  it('finds key points in free text by their keywords, case-insensitively', () => {
    const c = comparePractice(events, { choices: [], text: 'Events are FACTS named in the Past Tense.' });
    expect(c.points.find((p) => p.id === 'past-tense')).toMatchObject({ covered: true });
    const none = comparePractice(events, { choices: [], text: 'no idea' });
    expect(none.points.every((p) => !p.covered)).toBe(true);
  });

  it('round-trips an answer through the run inputs', () => {
    const a = { choices: ['x', 'y'], text: 'my text: with colon' };
    expect(decodePracticeAnswer(encodePracticeAnswer(a))).toEqual(a);
    expect(decodePracticeAnswer(undefined)).toBeNull();
  });

  it("the ride-sharing practice asks the article's three questions", () => {
    expect(practice.questions.map((q) => q.id)).toHaveLength(3);
  });
});
