// The archive's manifest (src/archive/manifest.ts): files in the order written, each once, with a real SHA-256.
import { describe, expect, it } from 'vitest';
import { buildManifest, safeName } from '../../src/archive/manifest.js';

describe('the manifest builder', () => {
  const file = { path: 'a.pdf', size: 3, sha256: 'a'.repeat(64) };
  it('keeps the files in order with the session and the notes', () => {
    const manifest = buildManifest({
      session: { id: 's', title: '第2次会议' },
      generatedAt: '2026-12-04T00:00:00.000Z',
      files: [file, { ...file, path: 'b.csv', figures: { present: 4 } }],
      unpublishedBallots: [],
    });
    expect(manifest.files.map((entry) => entry.path)).toEqual(['a.pdf', 'b.csv']);
    expect(manifest.notes.join()).toContain('不记签到时间');
  });
  it('refuses a path written twice or a hash that is not SHA-256', () => {
    const base = { session: { id: 's', title: 't' }, generatedAt: 'x', unpublishedBallots: [] };
    expect(() => buildManifest({ ...base, files: [file, file] })).toThrow(/twice/);
    expect(() => buildManifest({ ...base, files: [{ ...file, sha256: 'zz' }] })).toThrow(/SHA-256/);
  });
});

describe('names in the archive', () => {
  it('keeps Chinese and drops path separators and control characters', () => {
    expect(safeName('关于《集体合同(草案)》的决议')).toBe('关于《集体合同(草案)》的决议');
    expect(safeName('a/b\\c:d\u0000')).toBe('a_b_c_d_');
    expect(safeName('  ')).toBe('未命名');
  });
});
