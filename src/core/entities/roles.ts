/**
 * A person's roles as of a year: which the knowledge base's years say they held then, and which they held
 * before or after. Pure TypeScript; the hover card shows an article's roles by the article's year with it.
 */
import type { Role } from './recognizer';

/** Whether a role with years was held in `year` (both ends included: a year of handover counts for both). */
export function roleHeldIn(r: Role, year: number): boolean {
  return r.from !== undefined && r.from <= year && (r.to === undefined || year <= r.to);
}

/** Whether a role's years say it was not held in `year` (one that ended before it, or began after it). */
function roleNotHeldIn(r: Role, year: number): boolean {
  return (r.from !== undefined && year < r.from) || (r.to !== undefined && year > r.to);
}

/** A person's roles as of a year. */
export interface RolesInYear {
  /** Roles whose years cover the year, in the knowledge base's order. */
  held: Role[];
  /** Roles with years that do not cover it: held before or after (not current then), in the base's order. */
  other: Role[];
  /**
   * Roles whose years neither cover nor exclude the year (none, or only an end the year is not after), and roles
   * stated in an article's text.
   */
  undated: Role[];
}

/** Splits `roles` by `year`: held then, held at another time, undated. */
export function rolesInYear(roles: readonly Role[], year: number): RolesInYear {
  const out: RolesInYear = { held: [], other: [], undated: [] };
  for (const r of roles) {
    if (r.sentence !== undefined) out.undated.push(r);
    else if (roleHeldIn(r, year)) out.held.push(r);
    else if (roleNotHeldIn(r, year)) out.other.push(r);
    else out.undated.push(r);
  }
  return out;
}
