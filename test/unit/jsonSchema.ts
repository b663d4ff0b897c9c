/** A small JSON Schema (draft-07 subset) validator, for the knowledge base and the user entity file the tests write. */

export type Schema = Record<string, unknown>;
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', 'markdownDescription', 'definitions']);
const ASSERTIONS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'pattern', 'minLength', 'minimum', 'maximum', 'uniqueItems', '$ref', 'anyOf']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Validates `value` against `s` (resolving `#/definitions/…` in `root`); returns the errors found. */
export function validate(value: unknown, s: Schema, root: Schema, path = '$'): string[] {
  for (const k of Object.keys(s)) if (!ANNOTATIONS.has(k) && !ASSERTIONS.has(k)) throw new Error(`validator does not support "${k}" (at ${path})`);
  if (typeof s.$ref === 'string') {
    // draft-07: keywords beside $ref are ignored.
    const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
    if (!m) throw new Error(`unsupported $ref ${s.$ref}`);
    const target = (root.definitions as Record<string, Schema>)[m[1]!];
    if (!target) return [`${path}: unresolved $ref ${s.$ref}`];
    return validate(value, target, root, path);
  }
  const errors: string[] = [];
  const t = typeOf(value);
  if (typeof s.type === 'string' && !(t === s.type || (s.type === 'number' && t === 'integer'))) return [`${path}: expected ${s.type}, got ${t}`];
  if (Array.isArray(s.enum) && !s.enum.some((x) => x === value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: ${JSON.stringify(value)} does not match ${s.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (s.items) value.forEach((v, i) => errors.push(...validate(v, s.items as Schema, root, `${path}[${i}]`)));
    if (s.uniqueItems === true) {
      const seen = new Set(value.map((v) => JSON.stringify(v)));
      if (seen.size !== value.length) errors.push(`${path}: items not unique`);
    }
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing "${r}"`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(v, props[k], root, `${path}.${k}`));
      else if (s.additionalProperties === false) errors.push(`${path}: unexpected property "${k}"`);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') errors.push(...validate(v, s.additionalProperties as Schema, root, `${path}.${k}`));
    }
  }
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((alt) => validate(value, alt, root, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  return errors;
}
