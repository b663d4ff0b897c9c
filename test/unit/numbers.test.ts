import * as assert from 'node:assert/strict';
import { formatNumber } from '../../src/core/text/numbers';

describe('formatNumber', () => {
  it('groups thousands as the locale does', () => {
    assert.equal(formatNumber(1699, 'en'), '1,699');
    assert.equal(formatNumber(1699, 'de'), '1.699');
    assert.equal(formatNumber(9428, 'fr').replace(/\s/g, ' '), '9 428');
    assert.equal(formatNumber(12, 'en'), '12');
  });

  it('keeps one decimal at most', () => {
    assert.equal(formatNumber(2.25, 'en'), '2.3');
    assert.equal(formatNumber(3, 'en'), '3');
  });

  it('falls back to the default locale for a malformed one', () => {
    assert.equal(formatNumber(1000, 'not a locale!'), new Intl.NumberFormat().format(1000));
    assert.equal(formatNumber(1000, undefined), new Intl.NumberFormat().format(1000));
  });
});
