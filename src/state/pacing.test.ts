import { describe, expect, it } from 'vitest';
import type { Effect } from '../engine/types';
import { MIN_READING_MS, READING_WPM, readableStepMs, readingMs, wordCount } from './pacing';
import { planStages, stagesMs } from './stagePlan';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('counts words as a reader does: punctuation alone is not a word', () => {
    expect(wordCount('Checkout publishes OrderPlaced for order-1.')).toBe(5);
    expect(wordCount("  murmur2('ride-42') — mod 6 = 4 ")).toBe(4);
    expect(wordCount('')).toBe(0);
  });

  it('reads at the chosen rate, with a floor for short texts', () => {
    expect(readingMs(words(230), 1)).toBe(60_000);
    expect(readingMs(words(115), 1)).toBe(30_000);
    expect(readingMs('Short.', 1)).toBe(MIN_READING_MS);
    expect(READING_WPM).toBe(230);
  });

  it('speeds scale it, the floor too', () => {
    expect(readingMs(words(230), 2)).toBe(30_000);
    expect(readingMs(words(230), 0.5)).toBe(120_000);
    expect(readingMs('Short.', 4)).toBe(MIN_READING_MS / 4);
  });
});

describe('a step’s readable duration', () => {
  const rebalance: Effect[] = [
    { kind: 'member-joined', groupId: 'g', memberId: 'm', reason: 'm joined g' },
    { kind: 'rebalance-started', groupId: 'g', generation: 1, protocol: 'eager', reason: 'm joined' },
    { kind: 'rebalance-completed', groupId: 'g', generation: 1, idleMembers: [], reason: 'stable' },
  ];

  it('is the reading time when the text takes longer than the stages', () => {
    const narration = { title: 'A title', text: words(98) };
    expect(readableStepMs({ effects: rebalance, narration, speed: 1, reducedMotion: false })).toBe(
      readingMs(`A title ${words(98)}`, 1),
    );
  });

  it('is the stages’ time when they take longer than a short text', () => {
    const many = Array.from({ length: 12 }, (_, i): Effect[] => [
      ...rebalance,
      { kind: 'topic-created', topic: `t${i}`, partitions: 1, reason: 'created' },
      { kind: 'lag-changed', groupId: 'g', topic: `t${i}`, partition: 0, lag: 1, reason: 'lag' },
    ]).flat();
    const stages = stagesMs(planStages(many), { speed: 2, reducedMotion: false });
    expect(stages).toBeGreaterThan(readingMs('Hi.', 2));
    expect(
      readableStepMs({ effects: many, narration: { title: 'Hi.', text: '' }, speed: 2, reducedMotion: false }),
    ).toBe(stages);
  });
});
