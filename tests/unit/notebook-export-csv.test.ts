import { describe, expect, it } from 'vitest';
import { csvCell, PASSAGE_CSV_COLUMNS, passagesToCsv, toCsv } from '../../utils/notebook/export-csv';
import type { KeptPassage } from '../../utils/notebook/types';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
  ])('guards %j against formula injection', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it('leaves text that merely contains those characters', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('微信')).toBe('微信');
  });
});

describe('toCsv and passagesToCsv', () => {
  it('joins rows with CRLF and ends with one', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });
  it('writes a header and one row per passage not in the trash', () => {
    const p: KeptPassage = {
      id: 'a',
      sentence: '=cmd|"/c calc"!A0, WeChat',
      title: 'T',
      pageUrl: 'https://e.com/',
      site: 'e.com',
      entity: 'wechat',
      reason: 4,
      stance: 'context',
      note: 'n',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    const csv = passagesToCsv([p, { ...p, id: 'b', deletedAt: '2026-01-03T00:00:00.000Z' }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(PASSAGE_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `4,context,wechat,"'=cmd|""/c calc""!A0, WeChat",n,T,https://e.com/,2026-01-01T00:00:00.000Z,2026-01-02T00:00:00.000Z`,
    );
    expect(lines).toHaveLength(3);
  });
});
