import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article/article';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { compactMentions, mentionsReceived, mentionsToSend, PartMention, plainMention } from '../../src/core/persist/mentionText';
import { readSeeds, TODAY } from './helpers';

describe('mentions kept small (read off the article when asked)', () => {
  const recognizer = new Recognizer(builtInEntities());

  it('give back exactly the text, range and snippet the recognizer found, in every seed', () => {
    let compacted = 0;
    let total = 0;
    for (const seed of readSeeds()) {
      const article = parseArticle(seed.name, seed.text, { today: TODAY });
      const mentions = recognizer.recognize(seed.text);
      const small = compactMentions(article, mentions);
      assert.equal(small.length, mentions.length);
      small.forEach((m, i) => {
        assert.deepEqual(plainMention(m), mentions[i], `${seed.name} ${mentions[i]!.text}@${mentions[i]!.start}`);
        assert.equal(seed.text.slice(m.start, m.end), m.text);
        assert.deepEqual(JSON.parse(JSON.stringify(m)), JSON.parse(JSON.stringify(mentions[i])));
        if (m instanceof PartMention) compacted++;
      });
      total += mentions.length;
    }
    // Nearly every mention sits in a one-line part (title, paragraph…); the others are kept as they were.
    assert.ok(total > 100, `${total} mentions`);
    assert.ok(compacted / total > 0.95, `${compacted} of ${total} compacted`);
  });

  it('keep a mention whose part would not give it back as it is', () => {
    const text = 'عنوان الخبر\n\nقال لافروف إن الحوار مستمر.';
    const article = parseArticle('x.txt', text, { today: TODAY });
    const [m] = recognizer.recognize(text);
    assert.ok(m);
    const altered = { ...m, snippet: 'not what the line says' };
    const [kept] = compactMentions(article, [altered]);
    assert.equal(kept, altered);
    assert.ok(!(kept instanceof PartMention));
  });

  it('cross a structured clone (a worker\'s answer) as references, and come back whole', () => {
    let refs = 0;
    let total = 0;
    for (const seed of readSeeds()) {
      const article = parseArticle(seed.name, seed.text, { today: TODAY });
      const mentions = recognizer.recognize(seed.text);
      const sent = structuredClone({ article, mentions: mentionsToSend(article, mentions) });
      refs += sent.mentions.filter((m) => !('text' in m)).length;
      total += mentions.length;
      const back = mentionsReceived(sent.article, sent.mentions);
      assert.deepEqual(back.map(plainMention), mentions, seed.name);
    }
    assert.ok(refs > total * 0.95, `${refs} of ${total} sent as references`);
    // Against another article, a reference finds no part: an error (the batch is parsed again in the host).
    const [a, b] = readSeeds();
    const article = parseArticle(a!.name, a!.text, { today: TODAY });
    const other = parseArticle(b!.name, 'سطر واحد.', { today: TODAY });
    const sent = mentionsToSend(article, recognizer.recognize(a!.text));
    assert.throws(() => mentionsReceived(other, sent), /on no part/);
  });
});
