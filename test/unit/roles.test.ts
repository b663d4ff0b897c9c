/** Issue #16: a person's roles as of an article's year (src/core/entities/roles.ts) on the knowledge base's data. */
import * as assert from 'node:assert/strict';
import { builtInEntities } from '../../src/core/entities/kb';
import type { Role } from '../../src/core/entities/recognizer';
import { roleHeldIn, rolesInYear } from '../../src/core/entities/roles';

const rolesOf = (id: string): Role[] => {
  const e = builtInEntities().find((x) => x.id === id);
  assert.ok(e?.roles, `${id} has roles`);
  return e.roles;
};
const titles = (roles: Role[]): string[] => roles.map((r) => r.titleEn ?? r.titleAr ?? '');

describe('roles as of a year', () => {
  it('Mohammed bin Salman in 2015: deputy crown prince and defence minister, not crown prince or prime minister', () => {
    const { held, other, undated } = rolesInYear(rolesOf('mohammed-bin-salman'), 2015);
    assert.deepEqual(titles(held).sort(), ['Deputy Crown Prince of Saudi Arabia', 'Minister of Defence of Saudi Arabia']);
    assert.deepEqual(titles(other).sort(), ['Crown Prince of Saudi Arabia', 'Prime Minister of Saudi Arabia']);
    assert.deepEqual(undated, []);
  });

  it('Mohammed bin Salman in 2023: crown prince and prime minister; the deputy and defence roles are past', () => {
    const { held, other } = rolesInYear(rolesOf('mohammed-bin-salman'), 2023);
    assert.deepEqual(titles(held).sort(), ['Crown Prince of Saudi Arabia', 'Prime Minister of Saudi Arabia']);
    assert.deepEqual(titles(other).sort(), ['Deputy Crown Prince of Saudi Arabia', 'Minister of Defence of Saudi Arabia']);
  });

  it('both ends of a role count, a handover year holds both roles; an open role runs on', () => {
    const r: Role = { titleEn: 'x', from: 2015, to: 2017 };
    assert.deepEqual([2014, 2015, 2016, 2017, 2018].map((y) => roleHeldIn(r, y)), [false, true, true, true, false]);
    assert.deepEqual([2016, 2017, 2030].map((y) => roleHeldIn({ titleEn: 'y', from: 2017 }, y)), [false, true, true]);
  });

  it('a role without years, or stated in the text, is undated; one with only an end the year passed is not held', () => {
    const stated: Role = { titleAr: 'مستشار الرئيس', sentence: 'قال مستشار الرئيس', file: 'a.txt' };
    const none: Role = { titleEn: 'Analyst' };
    const ended: Role = { titleEn: 'Envoy', to: 2010 };
    const { held, other, undated } = rolesInYear([stated, none, ended], 2015);
    assert.deepEqual(held, []);
    assert.deepEqual(other, [ended]);
    assert.deepEqual(undated, [stated, none]);
    assert.deepEqual(rolesInYear([ended], 2009).undated, [ended]);
  });
});
