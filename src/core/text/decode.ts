/** Turns a corpus file's bytes into text, or says clearly why it cannot. */

/** Files above this size are not parsed (a news article is a few kilobytes). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface Decoded {
  text: string;
  /** Why the file is not an article; `text` is empty then. */
  error?: string;
  /** What was done to read it, when it is not plain UTF-8 (e.g. "decoded as UTF-16 LE …"). */
  note?: string;
}

/** A corpus file's text as the corpus reads it (same decoding, so offsets agree); undefined when it cannot be read. */
export function articleText(bytes: Uint8Array): string | undefined {
  const decoded = decodeArticleBytes(bytes);
  return decoded.error === undefined ? decoded.text : undefined;
}

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { text: '', error: `too large (${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MiB)` };
  }
  if (bytes.length === 0) return { text: '', error: 'empty file' };
  // A UTF-16 byte-order mark: VS Code opens such a file as UTF-16 and shows the text without the mark, so offsets agree.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'BE' : undefined;
  if (utf16) {
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) return { text: '', error: `not valid UTF-16 ${utf16} (an odd number of bytes after its byte-order mark)` };
    let units = body;
    if (utf16 === 'BE') {
      units = new Uint8Array(body.length);
      for (let i = 0; i < body.length; i += 2) {
        units[i] = body[i + 1]!;
        units[i + 1] = body[i]!;
      }
    }
    return withText(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units), `decoded as UTF-16 ${utf16} (it starts with a UTF-16 byte-order mark)`);
  }
  if (bytes.subarray(0, 8192).includes(0)) return { text: '', error: 'binary file (it contains NUL bytes; or UTF-16 without a byte-order mark)' };
  try {
    // Strips a UTF-8 byte-order mark, as VS Code does when it opens the file, so offsets agree.
    return withText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at < 0 ? '' : ` at byte ${at} (0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')})`;
    return { text: '', error: `not valid UTF-8${where}; save it as UTF-8 to read it` };
  }
}

function withText(text: string, note?: string): Decoded {
  if (text.trim() === '') return { text: '', error: 'only whitespace' };
  return note === undefined ? { text } : { text, note };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    const second = b[i + 1]!;
    // The second byte's narrower ranges: no overlong forms, no surrogates, nothing above U+10FFFF.
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}
