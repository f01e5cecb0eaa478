import { describe, expect, it } from 'vitest';
import { csvRecords, withRows } from '../../../src/lib/content/csv-rows.ts';

describe('withRows', () => {
  it('appends rows with the line ends of a table saved by Excel/WPS (CRLF), keeping its lines byte for byte', () => {
    const saved = '\uFEFF编号,总数\r\na,1\r\n';
    const text = withRows(saved, ['编号', '总数'], [['b', '2']]);
    expect(text).toBe('\uFEFF编号,总数\r\na,1\r\nb,2\r\n');
    expect(csvRecords(text)).toEqual([['编号', '总数'], ['a', '1'], ['b', '2']]);
  });

  it('appends with LF to a table written with LF, and closes an unterminated last line first', () => {
    expect(withRows('编号,总数\na,1', ['编号', '总数'], [['b', '2']])).toBe('编号,总数\na,1\nb,2\n');
  });

  it('writes the header into an empty table', () => {
    expect(withRows('', ['编号', '总数'], [['b', '2']])).toBe('编号,总数\nb,2\n');
  });
});
