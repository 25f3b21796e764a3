/**
 * Event patterns, as documented:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
import { describe, expect, it } from 'vitest';
import { matchPattern, patternProblem } from './pattern';
import type { EventPattern } from './types';

const event = {
  source: 'shop.orders',
  'detail-type': 'OrderPlaced',
  resources: ['arn:aws:s3:::bucket/a.png'],
  detail: {
    orderId: 'o-42',
    total: 250,
    country: 'NL',
    items: ['book', 'pen'],
    coupon: null,
    file: 'invoice.pdf',
    count: '5',
  },
};
const m = (p: EventPattern) => matchPattern(p, event).match;

describe('event patterns', () => {
  it('match exact values on top-level and nested fields; all fields must match (AND)', () => {
    expect(m({ source: ['shop.orders'], detail: { country: ['NL'] } })).toBe(true);
    expect(m({ source: ['shop.orders'], detail: { country: ['DE'] } })).toBe(false);
  });

  it('an array of values is an OR; an array in the event matches when any element does', () => {
    expect(m({ 'detail-type': ['OrderPaid', 'OrderPlaced'] })).toBe(true);
    expect(m({ detail: { items: ['pen'] } })).toBe(true);
  });

  it('match strings and numbers exactly: "5" is not 5; null matches null', () => {
    expect(m({ detail: { count: [5] } })).toBe(false);
    expect(m({ detail: { count: ['5'] } })).toBe(true);
    expect(m({ detail: { coupon: [null] } })).toBe(true);
  });

  it('prefix, suffix, equals-ignore-case and wildcard', () => {
    expect(m({ source: [{ prefix: 'shop.' }] })).toBe(true);
    expect(m({ detail: { file: [{ suffix: '.pdf' }] } })).toBe(true);
    expect(m({ detail: { country: [{ 'equals-ignore-case': 'nl' }] } })).toBe(true);
    expect(m({ resources: [{ wildcard: 'arn:aws:s3:::bucket/*.png' }] })).toBe(true);
    expect(m({ resources: [{ wildcard: '*.jpg' }] })).toBe(false);
  });

  it('anything-but with values, with a prefix, and on a missing field', () => {
    expect(m({ detail: { country: [{ 'anything-but': ['DE', 'FR'] }] } })).toBe(true);
    expect(m({ source: [{ 'anything-but': { prefix: 'shop.' } }] })).toBe(false);
    expect(m({ detail: { missing: [{ 'anything-but': 'x' }] } })).toBe(false);
  });

  it('numeric ranges match numbers only', () => {
    expect(m({ detail: { total: [{ numeric: ['>', 200, '<=', 250] }] } })).toBe(true);
    expect(m({ detail: { total: [{ numeric: ['<', 100] }] } })).toBe(false);
    expect(m({ detail: { count: [{ numeric: ['=', 5] }] } })).toBe(false);
  });

  it('exists true and false', () => {
    expect(m({ detail: { orderId: [{ exists: true }] } })).toBe(true);
    expect(m({ detail: { refund: [{ exists: false }] } })).toBe(true);
    expect(m({ detail: { refund: [{ exists: true }] } })).toBe(false);
  });

  it('$or matches when any alternative does, and says why when none does', () => {
    expect(m({ detail: { $or: [{ country: ['DE'] }, { total: [{ numeric: ['>', 100] }] }] } })).toBe(true);
    const miss = matchPattern({ $or: [{ source: ['a'] }, { source: ['b'] }] }, event);
    expect(miss.why).toBe(
      'no $or alternative matched (source is "shop.orders", not ["a"]; source is "shop.orders", not ["b"])',
    );
  });

  it('refuses a leaf that is not an array, an empty pattern, and a one-armed $or', () => {
    expect(patternProblem({ source: 'shop' })).toMatch(/array of conditions/);
    expect(patternProblem({})).toMatch(/empty/);
    expect(patternProblem({ $or: [{ a: ['x'] }] })).toMatch(/at least two/);
  });
});
