import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { exportScenarioText } from '../scenarios/io/importScenario';
import { checkDraft, draftDocument, edit, historyOf, messagesByPath, redo, undo } from './editorDraft';

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

  it('typing in one form field is one undo step; another field starts a new one', () => {
    let h = historyOf('0');
    h = edit(h, '1', 'title');
    h = edit(h, '12', 'title');
    h = edit(h, '123', 'title');
    h = edit(h, '123x', 'summary');
    expect(undo(h).present).toBe('123');
    expect(undo(undo(h)).present).toBe('0');
    // After an undo, typing in the same field again is a new step (the redo branch is dropped).
    const again = edit(undo(h), '1234', 'title');
    expect(again.future).toEqual([]);
    expect(undo(again).present).toBe('123');
  });

  it('draftDocument refuses what is not a JSON object, with the reason', () => {
    expect(draftDocument('{"a":1}')).toEqual({ ok: true, doc: { a: 1 } });
    expect(draftDocument('[1]').ok).toBe(false);
    const r = draftDocument('{"a":');
    expect(r.ok === false && r.message.length > 0).toBe(true);
  });

  it('messages are found at their path and under a whole value', () => {
    const bad = text.replace('"partitions": 3', '"partitions": "three"');
    const m = messagesByPath(checkDraft(bad));
    expect(m.get('topology.topics[0].partitions').issues).toHaveLength(1);
    expect(m.get('topology.topics[0]').issues).toHaveLength(0);
    expect(m.under('topology.topics[0]').issues).toHaveLength(1);
    expect(m.under('topology.topics[1]').issues).toHaveLength(0);
  });
});
