import { describe, expect, it } from 'vitest';
import { seedRng } from '../sim/random';
import { formatTraceparent, nextTraceId, parseTraceparent, spanIdFor } from './traceContext';

describe('traceparent (W3C Trace Context §3.2)', () => {
  it('reads the specification’s own example', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      sampled: true,
    });
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')?.sampled).toBe(false);
  });

  it('refuses what a receiver must refuse', () => {
    for (const bad of [
      undefined,
      '',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', // uppercase
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01', // all-zero trace-id
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', // all-zero parent-id
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', // version ff
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra', // version 00 is exactly 55 chars
      '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01', // 31 digits
    ])
      expect(parseTraceparent(bad)).toBeNull();
  });

  it('lets a later version add fields after a dash', () => {
    expect(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes')?.traceId).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('writes version 00 with 32 + 16 hex digits, and reads back what it wrote', () => {
    const [traceId] = nextTraceId(seedRng(7));
    const c = { traceId, spanId: spanIdFor(seedRng(7), 'send|x'), sampled: true };
    const header = formatTraceparent(c);
    expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(header).toHaveLength(55);
    expect(parseTraceparent(header)).toEqual(c);
  });

  it('draws ids from the seed: the same seed gives the same ids, another seed others', () => {
    expect(nextTraceId(seedRng(1))).toEqual(nextTraceId(seedRng(1)));
    expect(nextTraceId(seedRng(1))[0]).not.toBe(nextTraceId(seedRng(2))[0]);
    expect(spanIdFor(seedRng(1), 'a')).toBe(spanIdFor(seedRng(1), 'a'));
    expect(spanIdFor(seedRng(1), 'a')).not.toBe(spanIdFor(seedRng(1), 'b'));
    expect(spanIdFor(seedRng(1), 'a')).not.toBe(spanIdFor(seedRng(2), 'a'));
  });
});
