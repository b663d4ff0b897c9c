import * as assert from 'node:assert/strict';
import { LineIndex, splitLines } from '../../src/core/text/ranges';

describe('lines of a text', () => {
  it('ends a line at \\n, \\r\\n and \\r alike, with each line\'s exact offsets', () => {
    const text = 'الأول\nالثاني\r\nالثالث\rالرابع\r\r\n\nالأخير';
    const lines = splitLines(text);
    assert.deepEqual(lines.map((l) => l.text), ['الأول', 'الثاني', 'الثالث', 'الرابع', '', '', 'الأخير']);
    assert.deepEqual(lines.map((l) => l.index), [0, 1, 2, 3, 4, 5, 6]);
    for (const l of lines) assert.equal(text.slice(l.start, l.end), l.text);
    // "\r\r\n" is two line ends (a lone \r, then \r\n), not three.
    assert.deepEqual(lines.slice(3, 6).map((l) => [l.start, l.end]), [[text.indexOf('الرابع'), text.indexOf('الرابع') + 6], [text.indexOf('\r\r\n') + 1, text.indexOf('\r\r\n') + 1], [text.indexOf('\r\r\n') + 3, text.indexOf('\r\r\n') + 3]]);
  });

  it('gives a text without a line end one line, and one ending with a line end an empty last line', () => {
    assert.deepEqual(splitLines('سطر').map((l) => [l.start, l.end, l.text]), [[0, 3, 'سطر']]);
    assert.deepEqual(splitLines('').map((l) => [l.start, l.end, l.text]), [[0, 0, '']]);
    assert.deepEqual(splitLines('سطر\r\n').map((l) => [l.start, l.end, l.text]), [[0, 3, 'سطر'], [5, 5, '']]);
    assert.deepEqual(splitLines('\r').map((l) => [l.start, l.end]), [[0, 0], [1, 1]]);
  });

  it('maps an offset to its line and column across mixed line ends', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const index = new LineIndex(splitLines(text));
    assert.deepEqual([0, 2, 4, 5, 7, 10, 11].map((o) => index.lineAt(o)), [0, 0, 1, 1, 2, 3, 3]);
    const r = index.range(text.indexOf('e'), text.indexOf('h') + 1);
    assert.deepEqual([r.line, r.character, r.endLine, r.endCharacter], [2, 0, 3, 2]);
  });
});
