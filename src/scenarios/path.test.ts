import { describe, expect, it } from 'vitest';
import { allBuiltins } from './content';
import { groupOf, isPlaced, learningPath, PATH, PATH_GROUPS } from './path';

describe('the learning path', () => {
  it('places every built-in scenario in a group', () => {
    const unplaced = allBuiltins()
      .filter((s) => !isPlaced(s.id))
      .map(
        (s) =>
          `"${s.id}" has no place on the learning path: add it to PATH in src/scenarios/path.ts (the start page guesses "${groupOf(s)}" until then)`,
      );
    expect(unplaced).toEqual([]);
  });

  it('names only groups that exist, and shows every scenario exactly once, in path order', () => {
    const ids = PATH_GROUPS.map((g) => g.id as string);
    for (const g of Object.values(PATH)) expect(ids).toContain(g);
    const shown = learningPath(allBuiltins()).flatMap((g) => g.scenarios.map((s) => s.id));
    expect([...shown].sort()).toEqual(
      allBuiltins()
        .map((s) => s.id)
        .sort(),
    );
    expect(learningPath(allBuiltins())[0]!.group.id).toBe('basics');
  });

  it('a scenario the path does not know yet lands in a sensible group, never nowhere', () => {
    const guess = (title: string, concepts: string[], level = 'intermediate') =>
      groupOf({ id: 'brand-new', title, concepts, level });
    expect(guess('Inbox and outbox, all variants', ['outbox', 'change data capture'])).toBe('patterns');
    expect(guess('Two regions', ['MirrorMaker 2', 'failover', 'offset translation'])).toBe('operations');
    expect(guess('Snapshots', ['aggregate', 'snapshot'])).toBe('event-sourcing');
    expect(guess('Testing event-driven systems', ['given/when/then', 'contract test'])).toBe('design');
    expect(guess('Something else', ['x'], 'beginner')).toBe('basics');
    expect(guess('Something else', ['x'])).toBe('patterns');
    // Own properties only: an id named like an Object method is not "placed".
    expect(isPlaced('constructor')).toBe(false);
  });
});
