import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from './content';
import { questionConcepts } from './questionConcepts';

describe("the concepts a question practises: its scenario's tags that its own words name", () => {
  it('Backpressure: the share-group question counts toward share groups; the question on lag never toward static membership or share groups', () => {
    const s = findBuiltin('backpressure')!;
    expect(questionConcepts(s, 'share-group-cost')).toContain('share groups');
    const lag = questionConcepts(s, 'lag-after-second-batch');
    expect(lag).not.toContain('static membership');
    expect(lag).not.toContain('share groups');
  });

  it('an all-capitals tag is matched in capitals only, a tag inside another word never', () => {
    const s = findBuiltin('schema-registry')!;
    for (const st of s.steps) {
      if (!st.question) continue;
      const text = JSON.stringify(st.question);
      if (questionConcepts(s, st.question.id).includes('FULL')) expect(text).toMatch(/\bFULL\b/);
    }
  });

  it('every tag it gives is one of the scenario’s, for every question of every built-in; an unknown id keeps them all', () => {
    let tagged = 0;
    let all = 0; // every question counts toward at least one concept
    for (const s of allBuiltins()) {
      for (const st of s.steps) {
        if (!st.question) continue;
        const tags = questionConcepts(s, st.question.id);
        for (const t of tags) expect(s.concepts).toContain(t);
        if (!s.concepts.slice(1).some((c) => tags.includes(c))) expect(tags).toContain(s.concepts[0]);
        all++;
        if (tags.length > 0) tagged++;
      }
      expect(questionConcepts(s, 'practice-design:graded')).toEqual([...s.concepts]);
    }
    // Most questions name a concept of their scenario; the rest count toward its first, main one.
    expect(tagged).toBe(all);
  });
});
