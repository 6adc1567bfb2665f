import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows } from './csv-parser.ts';

describe('CSV parser', () => {
  it('drops the UTF-8 byte order mark and reads quoted fields with commas, quotes and newlines', () => {
    const text = '\ufeffcode,name,note\r\n801,"Bristol, City of","said ""hi""\nthen left"\r\n802,Plain,\n';
    expect(parseCsvRows(text)).toEqual([
      ['code', 'name', 'note'],
      ['801', 'Bristol, City of', 'said "hi"\nthen left'],
      ['802', 'Plain', ''],
    ]);
  });

  it('keys records by header and filters before building them', () => {
    const records = parseCsv('a,b\n1,x\n2,y', (cell) => cell('a') === '2');
    expect(records).toEqual([{ a: '2', b: 'y' }]);
  });

  it('reads a last line without a newline and ignores blank lines', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4')).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
  });
});
