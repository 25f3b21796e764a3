/**
 * Every interview choice list (stages and what-ifs, radios and checkboxes) is in the learner's order:
 * a permutation of the authored choices, the same for one learner on every render (a reload, a reopened
 * interview), and not the authored order for every learner (the right answer was authored first).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROMPTS } from '../../scenarios/interview/prompts';
import { ChoiceGroup, PickGroup } from './ChoiceGroup';

/** The learner's device: its seed kept where `state/progressSeed.ts` keeps it. */
function asLearner(seed: string) {
  const kept = new Map([['event-lab-learner-seed', seed]]);
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
  });
}

/** The choice ids in the order rendered (each label's text names its choice). */
function shownOrder(kind: 'radio' | 'pick', prompt: string, choices: { id: string; text: string }[]): string[] {
  const full = choices.map((c) => ({ id: c.id, text: `choice ${c.id}`, correct: false, why: '' }));
  const html =
    kind === 'radio'
      ? renderToStaticMarkup(
          createElement(ChoiceGroup, { name: 'q', prompt, choices: full, value: null, onChange: () => {} }),
        )
      : renderToStaticMarkup(createElement(PickGroup, { prompt, choices: full, value: [], onChange: () => {} }));
  const texts = [...html.matchAll(/<\/?input[^>]*>([^<]*)<\/label>/g)].map((m) => m[1]);
  return texts.map((t) => full.find((c) => c.text === t)!.id);
}

const LEARNERS = ['learner1', 'learner2', 'learner3', 'learner4', 'learner5', 'learner6', 'learner7', 'learner8'];

/** Every question of every prompt: its stage questions, picks and what-ifs. */
const lists = PROMPTS.flatMap((p) => [
  ...p.questions.map((q) => ({ kind: 'radio' as const, prompt: q.prompt, choices: q.choices })),
  ...p.whatIfs.map((w) => ({ kind: 'radio' as const, prompt: w.prompt, choices: w.choices })),
  ...p.picks.map((k) => ({ kind: 'pick' as const, prompt: k.prompt, choices: k.choices })),
]);

afterEach(() => vi.unstubAllGlobals());

describe('the interview choice lists, in the learner order', () => {
  it('each list is a permutation of its choices, the same on every render for one learner', () => {
    for (const seed of LEARNERS) {
      asLearner(seed);
      for (const l of lists) {
        const once = shownOrder(l.kind, l.prompt, l.choices);
        expect([...once].sort(), l.prompt).toEqual(l.choices.map((c) => c.id).sort());
        expect(shownOrder(l.kind, l.prompt, l.choices), l.prompt).toEqual(once);
      }
    }
  });

  it('learners see different orders, and the right answer is not first for every learner', () => {
    for (const l of lists.filter((x) => x.choices.length > 1)) {
      const orders = LEARNERS.map((seed) => {
        asLearner(seed);
        return shownOrder(l.kind, l.prompt, l.choices).join(',');
      });
      expect(new Set(orders).size, l.prompt).toBeGreaterThan(1);
    }
    // Choosing the first radio of every question is not the reference for anyone.
    for (const seed of LEARNERS) {
      asLearner(seed);
      const firstIsRight = lists
        .filter((l) => l.kind === 'radio')
        .map((l) => l.choices.find((c) => c.id === shownOrder(l.kind, l.prompt, l.choices)[0])!.correct);
      expect(firstIsRight.every(Boolean), seed).toBe(false);
    }
  });
});
