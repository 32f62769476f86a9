import { describe, expect, it } from 'vitest';
import { demoFromHash, demoHash } from './demoHash';

describe('#demo=<id> in the URL', () => {
  it('names the demo to select', () => {
    expect(demoFromHash('#demo=fork')).toBe('fork');
    expect(demoFromHash('#demo=all-cores')).toBe('all-cores');
    expect(demoHash('spawn')).toBe('demo=spawn');
  });

  it('selects nothing for an empty or strange hash', () => {
    expect(demoFromHash('')).toBeNull();
    expect(demoFromHash('#demo=')).toBeNull();
    expect(demoFromHash('#demo=../etc')).toBeNull();
  });
});
