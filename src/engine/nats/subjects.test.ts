import { describe, expect, it } from 'vitest';
import {
  filterFitsStream,
  isLiteral,
  isSubsetMatch,
  isValidSubject,
  subjectMatches,
  subjectsCollide,
} from './subjects';

// https://docs.nats.io/nats-concepts/subjects; server/sublist.go (v2.9.10)
describe('NATS subjects', () => {
  it('* matches exactly one token', () => {
    expect(subjectMatches('orders.*', 'orders.placed')).toBe(true);
    expect(subjectMatches('orders.*', 'orders.placed.eu')).toBe(false);
    expect(subjectMatches('orders.*', 'orders')).toBe(false);
    expect(subjectMatches('*.placed', 'orders.placed')).toBe(true);
  });

  it('> matches one or more tokens at the end', () => {
    expect(subjectMatches('orders.>', 'orders.placed')).toBe(true);
    expect(subjectMatches('orders.>', 'orders.placed.eu')).toBe(true);
    expect(subjectMatches('orders.>', 'orders')).toBe(false);
    expect(subjectMatches('>', 'anything.at.all')).toBe(true);
  });

  it('validates subjects as the server does', () => {
    expect(isValidSubject('a.b')).toBe(true);
    expect(isValidSubject('a..b')).toBe(false);
    expect(isValidSubject('a.>.b')).toBe(false);
    expect(isValidSubject('a b')).toBe(false);
    expect(isLiteral('a.*')).toBe(false);
    expect(isLiteral('a.b')).toBe(true);
  });

  it('subset matches port isSubsetMatchTokenized', () => {
    expect(isSubsetMatch('foo.*', '>')).toBe(true);
    expect(isSubsetMatch('foo.*', '*.*')).toBe(true);
    expect(isSubsetMatch('foo.*', 'foo.bar')).toBe(false);
    expect(isSubsetMatch('foo.bar', 'foo.*')).toBe(true);
    expect(isSubsetMatch('foo.>', 'foo.*')).toBe(false);
  });

  it('a filter must fall inside the stream subjects', () => {
    expect(filterFitsStream('orders.eu', ['orders.*'])).toBe(true);
    expect(filterFitsStream('orders.>', ['orders.*'])).toBe(true);
    expect(filterFitsStream('payments.eu', ['orders.*'])).toBe(false);
  });

  it('overlapping stream subjects collide', () => {
    expect(subjectsCollide('orders.*', 'orders.eu')).toBe(true);
    expect(subjectsCollide('orders.>', 'orders')).toBe(false);
    expect(subjectsCollide('orders.*', 'orders.eu.x')).toBe(false);
    expect(subjectsCollide('>', 'x')).toBe(true);
  });
});
