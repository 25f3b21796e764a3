/**
 * Backup format 3 carries finished mock interviews. Their shape is persistence's (checked by the
 * caller's checker: here a stand-in); formats 1 and 2 still read, with none.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, exportBackup, parseBackup, type InterviewChecker } from './backup';

const base = { exportedAt: 5, scenarios: [], progress: [] };
const interview = { id: 'iv-1', promptId: 'ride-sharing', rubric: [] };
/** A stand-in for persistence's checker: an id that is text, once. */
const check: InterviewChecker = (entries) =>
  entries.flatMap((e, i) =>
    e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string'
      ? []
      : [{ path: `interviews[${i}].id`, message: 'no id' }],
  );

describe('backup format 3: mock interviews', () => {
  it('round-trips them in a format 3 file', () => {
    const text = exportBackup({ ...base, interviews: [interview] });
    expect(JSON.parse(text).version).toBe(3);
    expect(BACKUP_VERSION).toBe(3);
    const r = parseBackup(text, check);
    expect(r.ok && r.backup.interviews).toEqual([interview]);
  });

  it('formats 1 and 2 (no interviews) still read, with none', () => {
    for (const version of [1, 2]) {
      const r = parseBackup(JSON.stringify({ kind: 'event-lab-backup', version, ...base }), check);
      expect(r.ok && r.backup.interviews).toEqual([]);
    }
  });

  it('refuses the whole file for an entry its checker refuses, or any entry without a checker', () => {
    const text = exportBackup({ ...base, interviews: [interview, { id: 7 } as never] });
    const r = parseBackup(text, check);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['interviews[1].id']);
    const unchecked = parseBackup(exportBackup({ ...base, interviews: [interview] }));
    expect(unchecked.ok ? [] : unchecked.issues.map((i) => i.path)).toEqual(['interviews[0]']);
  });

  it('refuses a newer format by name', () => {
    const r = parseBackup(JSON.stringify({ kind: 'event-lab-backup', version: 4, ...base }), check);
    expect(r.ok ? '' : r.issues[0]!.message).toMatch(/format 4/);
  });
});
