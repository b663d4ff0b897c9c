/** Turns a corpus file's bytes into text, or says clearly why it cannot. */

/** Files above this size are not parsed (a news article is a few kilobytes). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface Decoded {
  text: string;
  /** Why the file is not an article; `text` is empty then. */
  error?: string;
}

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { text: '', error: `too large (${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MiB)` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { text: '', error: 'binary file (it contains NUL bytes)' };
  try {
    // Strips a UTF-8 byte-order mark, as VS Code does when it opens the file, so offsets agree.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: '', error: 'not valid UTF-8' };
  }
}
