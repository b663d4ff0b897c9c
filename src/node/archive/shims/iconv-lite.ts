/**
 * Stands in for `iconv-lite` in our bundles (scripts/build.mjs aliases it): `mysql2` asks it only for encodings Node's
 * Buffer lacks, and we speak UTF-8 (utf8mb4) to the server, so its tables (half a megabyte) stay out of the .vsix.
 * CESU-8 (what mysql2 reads the server's handshake as) is UTF-8 for every character outside the surrogates' range,
 * which a handshake's ASCII never reaches; any other encoding throws.
 */
const UTF8_LIKE = new Set(['cesu8', 'cesu-8', 'utf8mb3', 'utf8mb4']);

function check(encoding: string): void {
  if (!UTF8_LIKE.has(encoding.toLowerCase())) throw new Error(`encoding ${encoding} is not supported here: the archive connection speaks UTF-8`);
}

export function getDecoder(encoding: string): { write(b: Buffer): string; end(): string } {
  check(encoding);
  const decoder = new TextDecoder('utf-8');
  return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
}

export function getEncoder(encoding: string): { write(s: string): Buffer; end(): Buffer | undefined } {
  check(encoding);
  return { write: (s) => Buffer.from(s, 'utf8'), end: () => undefined };
}

export function encodingExists(encoding: string): boolean {
  return Buffer.isEncoding(encoding) || UTF8_LIKE.has(encoding.toLowerCase());
}
