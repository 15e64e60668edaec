import { describe, expect, it } from 'vitest';
import { countCell } from './statistics-view.js';

describe('a statistics cell', () => {
  it('PUR-03 shows a suppressed count as below the threshold, never as a number', () => {
    expect(countCell(null, 5)).toEqual({ kind: 'suppressed', text: '< 5' });
    expect(countCell(0, 5)).toEqual({ kind: 'count', value: 0 });
    expect(countCell(12, 5)).toEqual({ kind: 'count', value: 12 });
  });
});
