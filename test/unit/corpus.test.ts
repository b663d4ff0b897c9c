import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { MemoryHost } from '../support/memoryHost';
import { readSeeds, TODAY } from './helpers';

function seededHost(): MemoryHost {
  return new MemoryHost(readSeeds());
}

describe('live corpus over a workspace host', () => {
  it('loads the seeds once and tells listeners', async () => {
    const corpus = new Corpus(seededHost(), { today: TODAY });
    let changes = 0;
    corpus.onDidChange(() => changes++);
    await corpus.ready();
    await corpus.ready();
    assert.equal(corpus.size, 5);
    assert.equal(changes, 1);
    assert.equal(corpus.get('mem:/001_1f4fa77edfffa84d.txt')?.article.date?.iso, '2020-07-17');
  });

  it('follows files added, changed and deleted', async () => {
    const host = seededHost();
    const corpus = new Corpus(host, { today: TODAY });
    await corpus.ready();
    const added = host.put('new/005.txt', 'خبر جديد عن سوريا\nطيف بوست – فريق التحرير\nنص الخبر.');
    await corpus.update(added);
    assert.equal(corpus.size, 6);
    assert.equal(corpus.get(added.id)?.article.title.text, 'خبر جديد عن سوريا');
    host.put('new/005.txt', 'عنوان معدل\nمدى بوست – فريق التحرير\nنص الخبر.');
    await corpus.update(added);
    assert.equal(corpus.get(added.id)?.article.title.text, 'عنوان معدل');
    assert.equal(corpus.get(added.id)?.article.outlet?.text, 'مدى بوست');
    await corpus.remove('mem:/new'); // the folder went
    assert.equal(corpus.size, 5);
    await corpus.remove('mem:/000_7244c6ac2c0b5fe9.txt');
    assert.equal(corpus.size, 4);
  });

  it('skips bad files with a reason naming the file, and keeps the rest', async () => {
    const host = seededHost();
    host.put('binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    host.put('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    // Listed, then gone by the time it is read, with an error that does not say so by its code: a problem.
    host.failReads('vanished.txt', new Error('ENOENT: no such file, vanished.txt'));
    const corpus = new Corpus(host, { today: TODAY });
    await corpus.ready();
    assert.equal(corpus.size, 5);
    const problems = Object.fromEntries(corpus.problems().map((p) => [p.file.name, p.message]));
    assert.match(problems['binary.txt']!, /binary/);
    assert.match(problems['latin1.txt']!, /not valid UTF-8/);
    assert.match(problems['vanished.txt']!, /cannot be read: ENOENT/);
  });

  it('dates by the corpus central year and re-dates when it moves', async () => {
    const host = new MemoryHost();
    // Friday 17 July: 2009, 2015, 2020 or 2026. Alone, the latest wins.
    const dated = host.put('a.txt', 'عنوان الخبر\nطيف بوست – فريق التحرير\nأصدرت الوزارة بياناً، اليوم الجمعة 17 تموز/ يوليو، قالت فيه.');
    const corpus = new Corpus(host, { today: TODAY });
    await corpus.ready();
    assert.equal(corpus.get(dated.id)?.article.date?.iso, '2026-07-17');
    // Other articles speak of 2014 and 2015: the year becomes 2015.
    await corpus.update(host.put('b.txt', 'خبر آخر\nالرياض\n\nفي عام 2015 وعام 2014 وعام 2015 حدث الكثير.'));
    assert.equal(corpus.get(dated.id)?.article.date?.iso, '2015-07-17');
    assert.match(corpus.get(dated.id)!.article.date!.inference!, /central year 2015/);
    // Changed to speak of 2009 (twice) and 2010: the median of 2009, 2009, 2010 is 2009, a Friday 17 July too.
    await corpus.update(host.put('b.txt', 'خبر آخر\nالرياض\n\nفي عام 2009 وعام 2009 وعام 2010 حدث الكثير.'));
    assert.equal(corpus.get(dated.id)?.article.date?.iso, '2009-07-17');
    // Gone: alone again, the latest candidate.
    await corpus.remove(`mem:/b.txt`);
    assert.equal(corpus.get(dated.id)?.article.date?.iso, '2026-07-17');
  });
});
