import { describe, expect, it } from 'vitest';
import { changedPaths, draftsAfterEdit, draftsOf, editKeyOf, runRequestOf, withDrafts } from './editedSources';

const fork = [
  { path: 'index.js', text: 'boss' },
  { path: 'worker.js', text: 'worker' },
];

describe('edited files', () => {
  it('a file edited back to its original is no longer changed', () => {
    let drafts = draftsAfterEdit(undefined, 'worker', 'worker.js', 'worker 2');
    expect(changedPaths(fork, drafts)).toEqual(['worker.js']);
    expect(withDrafts(fork, drafts)).toEqual([fork[0], { path: 'worker.js', text: 'worker 2' }]);
    drafts = draftsAfterEdit(drafts, 'worker', 'worker.js', 'worker');
    expect(drafts).toEqual({});
    expect(changedPaths(fork, drafts)).toEqual([]);
  });

  it('Run sends only the changed files of a demo, nothing more when none changed', () => {
    const demo = { kind: 'demo' as const, demoId: 'fork' };
    expect(runRequestOf(demo, fork, {}, undefined)).toEqual({ demoId: 'fork' });
    expect(runRequestOf(demo, fork, { 'worker.js': 'w2' }, ['4'])).toEqual({ demoId: 'fork', files: [{ path: 'worker.js', text: 'w2' }], args: ['4'] });
  });

  it("Run sends one's own files together: the boss as the source, every other file beside it", () => {
    const own = [
      { path: 'boss.js', text: 'b' },
      { path: 'lib/w.js', text: 'w' },
      { path: 'data.json', text: '{}' },
    ];
    expect(runRequestOf({ kind: 'source', name: 'boss.js' }, own, { 'lib/w.js': 'w2' }, undefined)).toEqual({
      source: { name: 'boss.js', text: 'b' },
      files: [
        { path: 'lib/w.js', text: 'w2' },
        { path: 'data.json', text: '{}' },
      ],
    });
    expect(runRequestOf({ kind: 'source', name: 'boss.js' }, own.slice(0, 1), undefined, undefined)).toEqual({ source: { name: 'boss.js', text: 'b' } });
  });

  it('a recording of an edited demo makes its drafts; demos and scripts keep their edits apart', () => {
    expect(draftsOf(fork, [fork[0], { path: 'worker.js', text: 'edited' }])).toEqual({ 'worker.js': 'edited' });
    expect(editKeyOf({ kind: 'demo', demoId: 'fork' })).not.toBe(editKeyOf({ kind: 'demo', demoId: 'exec' }));
    expect(editKeyOf({ kind: 'file', path: '/a/b.js' })).toBe('file:/a/b.js');
    expect(editKeyOf(null)).toBeNull();
  });
});
