import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { exportScenarioText } from '../scenarios/io/importScenario';
import { checkDraft, edit, historyOf, redo, undo } from './editorDraft';

const text = exportScenarioText(findBuiltin('pubsub-basics')!);

describe('editor draft', () => {
  it('a valid draft has no issues; a broken one names the path', () => {
    expect(checkDraft(text).issues).toEqual([]);
    const broken = text.replace('"partitions": 3', '"partitions": "three"');
    expect(checkDraft(broken).issues[0]?.path).toBe('topology.topics[0].partitions');
  });

  it('lints a present-tense event name', () => {
    const bad = text.replaceAll('"OrderPlaced"', '"PlaceOrder"');
    expect(checkDraft(bad).findings.some((f) => f.rule === 'event-past-tense')).toBe(true);
  });

  it('undo and redo walk the drafts', () => {
    let h = historyOf('a');
    h = edit(h, 'ab');
    h = edit(h, 'abc');
    h = undo(h);
    expect(h.present).toBe('ab');
    h = undo(h);
    expect(h.present).toBe('a');
    h = redo(h);
    expect(h.present).toBe('ab');
    h = edit(h, 'abX');
    expect(h.future).toEqual([]);
  });
});
