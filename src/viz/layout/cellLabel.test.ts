import { describe, expect, it } from 'vitest';
import { cellLabel, cellWidthFor, LABEL_CHAR_W, LABEL_PADDING, MAX_SQUEEZE } from './cellLabel';

describe('event type labels in record boxes', () => {
  it('keeps names whole: natural width when they fit, drawn narrower when a little too long', () => {
    expect(cellLabel('OrderPlaced', 84)).toEqual({ text: 'OrderPlaced', fitTo: null });
    expect(cellLabel('FareCalculated', 84)).toEqual({ text: 'FareCalculated', fitTo: 70 });
  });

  it('boxes grow so that every name of the built-ins reads whole at the widest box', () => {
    const names = ['OrderPlaced', 'FareCalculated', 'PaymentReceived', 'DriverLocationUpdated', 'RideRequested'];
    const w = cellWidthFor(names, 84, 124);
    for (const n of names) expect(cellLabel(n, w).text).toBe(n);
    expect(cellWidthFor(['Ab'], 84, 124)).toBe(84);
  });

  it('shortens only a name beyond any box, and never past the squeeze limit', () => {
    const long = 'SomethingVeryLongHappenedToTheOrderAfterAllThat';
    const l = cellLabel(long, 124);
    expect(l.text.endsWith('…')).toBe(true);
    expect(l.text.length * LABEL_CHAR_W).toBeLessThanOrEqual((124 - LABEL_PADDING) * MAX_SQUEEZE);
  });
});
