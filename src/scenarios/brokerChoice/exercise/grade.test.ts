/** The requirement sets and their grading: every verdict is reasoned and cited, every set has a best fit. */
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../runs';
import { bestFits, gradeOf, gradeSet } from './grade';
import { REQUIREMENT_SETS } from './sets';

const requirements = [...new Map(REQUIREMENT_SETS.flatMap((s) => s.requirements).map((r) => [r.id, r])).values()];

describe('the requirement sets', () => {
  it('has at least six sets, each a brief with requirements', () => {
    expect(REQUIREMENT_SETS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(REQUIREMENT_SETS.map((s) => s.id)).size).toBe(REQUIREMENT_SETS.length);
    for (const s of REQUIREMENT_SETS) {
      expect(s.brief.length, s.id).toBeGreaterThan(120);
      expect(s.requirements.length, s.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every profile a reasoned, cited verdict on every requirement', () => {
    for (const r of requirements)
      for (const p of PROFILES) {
        const v = r.verdicts[p.id];
        expect(v, `${r.id} ${p.id}`).toBeDefined();
        expect(v.why.length, `${r.id} ${p.id}`).toBeGreaterThan(50);
        // A documentation page, or the profile's README that states the modelled behaviour.
        expect(v.source, `${r.id} ${p.id}`).toMatch(/https:\/\/|src\/engine\/\w+\/README\.md/);
      }
  });

  it('gives every set at least one best fit and at least one broker that is not', () => {
    for (const s of REQUIREMENT_SETS) {
      expect(bestFits(s).length, s.id).toBeGreaterThan(0);
      expect(
        gradeSet(s).some((g) => g.grade !== 'best'),
        s.id,
      ).toBe(true);
    }
  });

  it('grades from the verdicts: poor when any requirement fails, best with the fewest costs', () => {
    for (const s of REQUIREMENT_SETS) {
      const grades = gradeSet(s);
      const fewest = Math.min(...grades.filter((g) => g.failures.length === 0).map((g) => g.costs.length));
      for (const g of grades) {
        if (g.failures.length > 0) expect(g.grade, `${s.id} ${g.profile}`).toBe('poor');
        else expect(g.grade, `${s.id} ${g.profile}`).toBe(g.costs.length === fewest ? 'best' : 'workable');
      }
    }
  });

  it('names the failing requirement in a poor pick’s grade, and the costs in a workable one', () => {
    for (const s of REQUIREMENT_SETS)
      for (const g of gradeSet(s)) {
        expect(g.judged).toHaveLength(s.requirements.length);
        if (g.grade === 'poor') {
          expect(g.failures.length).toBeGreaterThan(0);
          for (const f of g.failures) expect(g.summary).toContain(`“${f.requirement.label}”`);
        }
        if (g.grade === 'workable') for (const c of g.costs) expect(g.summary).toContain(`“${c.requirement.label}”`);
      }
  });

  it('finds the fits the documentation points to', () => {
    const best = (id: string) => bestFits(REQUIREMENT_SETS.find((s) => s.id === id)!);
    expect(best('marketplace-history')).toEqual(['kafka']);
    expect(best('image-jobs')).toEqual(['rabbitmq']);
    expect(best('serverless-signup')).toEqual(['eventbridge']);
    expect(best('factory-edge')).toEqual(['nats']);
    expect(best('ledger-managed')).toEqual(['sqs-fifo']);
    expect(best('quote-service')).toEqual(['nats']);
    expect(best('notifications')).toEqual(['sqs', 'pubsub', 'eventbridge']);
    expect(best('read-models')).toEqual(['pubsub']);
  });

  it('says why a classic-queue broker cannot replay, and what breaks for a poor pick', () => {
    const history = REQUIREMENT_SETS.find((s) => s.id === 'marketplace-history')!;
    const rabbit = gradeOf(history, 'rabbitmq').judged.find((j) => j.requirement.id === 'replay-months')!;
    expect(rabbit.verdict.fit).toBe('cost');
    expect(rabbit.verdict.why).toMatch(/delete a message once it is acknowledged.*stream/);
    const sqs = gradeOf(history, 'sqs');
    expect(sqs.grade).toBe('poor');
    expect(sqs.failures.map((f) => f.requirement.id)).toEqual(['replay-months', 'order-per-key-parallel']);
  });
});
