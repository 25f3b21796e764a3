import { describe, expect, it } from 'vitest';
import { findBuiltin } from './content';
import { parseScenario } from './parse';
import {
  decodeHintsUsed,
  decodePracticeAnswer,
  decodeSelfAssessment,
  encodePracticeAnswer,
  encodeSelfAssessment,
  gradePractice,
} from './practice';
import { seededOrder } from './practiceOrder';
import { upgradeLegacyPractice } from './practiceLegacy';
import { baseDoc } from './io/testDocs';

const practice = findBuiltin('ride-sharing')!.practice!;
const question = (id: string) => practice.questions.find((q) => q.id === id)!;

describe('practice grading', () => {
  it('splits choices into agreed, missed and wrong, each wrong one with why', () => {
    const g = gradePractice(question('events'), { choices: ['ride-requested', 'accept-ride'], text: '' });
    expect(g.agreed).toEqual(['ride-requested']);
    expect(g.wrong.map((w) => w.id)).toEqual(['accept-ride']);
    expect(g.wrong[0]!.why).toMatch(/command/);
    expect(g.missed).toContain('ride-accepted');
    expect(g.correct).toBe(false);
  });

  it('a distributed lock is graded wrong, with why the expected revision decides the race', () => {
    const accept = question('accept');
    const g = gradePractice(accept, { choices: ['distributed-lock'], text: 'exactly one driver wins' });
    expect(g.agreed).toEqual([]);
    expect(g.wrong).toEqual([{ id: 'distributed-lock', why: expect.stringMatching(/expected revision.*lease/s) }]);
    expect(g.correct).toBe(false);
  });

  it('a wrong choice never credits anything, whatever words it or the free text contain', () => {
    const g = gradePractice(question('consumers'), { choices: ['one-group'], text: 'one consumer group per service' });
    expect(g.agreed).toEqual([]);
    expect(g.wrong.map((w) => w.id)).toEqual(['one-group']);
  });

  it('every choice of the reference and none other is correct', () => {
    const q = question('accept');
    const all = q.choices!.filter((c) => c.inReference).map((c) => c.id);
    expect(gradePractice(q, { choices: all, text: '' })).toMatchObject({ correct: true, missed: [], wrong: [] });
  });

  it('every wrong choice of every built-in practice says why', () => {
    for (const q of practice.questions)
      for (const c of q.choices ?? []) if (!c.inReference) expect(c.why.length).toBeGreaterThan(40);
  });

  it('round-trips an answer and a self-assessment through the run inputs', () => {
    const a = { choices: ['x', 'y'], text: 'my text: with colon' };
    expect(decodePracticeAnswer(encodePracticeAnswer(a))).toEqual(a);
    expect(decodePracticeAnswer(undefined)).toBeNull();
    const s = { 'past-tense': 'yes', keys: 'no' } as const;
    expect(decodeSelfAssessment(encodeSelfAssessment(s))).toEqual(s);
    expect(decodeSelfAssessment(['junk', 'x=maybe'])).toEqual({});
  });

  it("the ride-sharing practice asks the article's three questions", () => {
    expect(practice.questions.map((q) => q.id)).toHaveLength(3);
  });
});

describe('choice order', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  it('is the same for the same seed and key, and a permutation', () => {
    expect(seededOrder(ids, 'seed1', 'q')).toEqual(seededOrder(ids, 'seed1', 'q'));
    expect([...seededOrder(ids, 'seed1', 'q')].sort()).toEqual(ids);
  });
  it('differs between learners and questions (not the authored order for all of them)', () => {
    const orders = new Set(['s1', 's2', 's3', 's4'].map((s) => seededOrder(ids, s, 'q').join('')));
    expect(orders.size).toBeGreaterThan(1);
    const firsts = new Set(Array.from({ length: 40 }, (_, i) => seededOrder(ids, 'seed', `q${i}`)[0]));
    expect(firsts.size).toBeGreaterThan(3);
  });
});

describe('practice parts written before `why`', () => {
  it('still open: keywords dropped, a wrong choice without why points at the reference', () => {
    const doc = baseDoc('ride-sharing');
    for (const q of doc.practice.questions) {
      for (const p of q.points as Record<string, unknown>[]) p.keywords = ['fact'];
      for (const c of q.choices as Record<string, unknown>[]) delete c.why;
    }
    const r = parseScenario(doc);
    expect(r.ok).toBe(true);
    const wrong = r.ok ? r.scenario.practice!.questions[0]!.choices!.find((c) => !c.inReference) : undefined;
    expect(wrong && !wrong.inReference ? wrong.why : '').toMatch(/reference/);
    expect(upgradeLegacyPractice(null)).toBeNull();
  });

  it('a new document must give a why for every wrong choice', () => {
    const doc = baseDoc('ride-sharing');
    doc.practice.questions[0]!.choices.push({ id: 'new-wrong', text: 'X', inReference: false, why: '' });
    expect(parseScenario(doc).ok).toBe(false);
  });
});

describe('the hint ladder', () => {
  it('every ride-sharing practice question offers three hints', () => {
    for (const q of practice.questions) expect(q.hints, q.id).toHaveLength(3);
  });

  it('reads how many hints were opened, never more than there are, never from anything but a count', () => {
    expect(decodeHintsUsed(undefined, 3)).toBe(0);
    expect(decodeHintsUsed(['2'], 3)).toBe(2);
    expect(decodeHintsUsed(['9'], 3)).toBe(3);
    expect(decodeHintsUsed(['-1'], 3)).toBe(0);
    expect(decodeHintsUsed(['x'], 3)).toBe(0);
    expect(decodeHintsUsed('2', 3)).toBe(0);
  });

  it('a practice question with more than three hints is refused', () => {
    const doc = baseDoc('ride-sharing') as { practice: { questions: { hints?: string[] }[] } };
    doc.practice.questions[0]!.hints = ['a', 'b', 'c', 'd'];
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain('practice.questions[0].hints');
  });
});
