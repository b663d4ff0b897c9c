/**
 * A small binary container for snapshots (the search index's, the entry cache's): a magic, a version, then
 * sections written in order — numbers, typed arrays (4-byte aligned, read back as views without copying) and
 * string lists (one UTF-16 blob decoded once, cut by offsets). Strings are stored as UTF-16 (little-endian, as
 * typed arrays are): Arabic takes two bytes a letter either way, and reading them back is a copy, where UTF-8
 * must be decoded, much slower (docs/PERFORMANCE.md). Reading past the end or a section of the wrong
 * size throws `SnapshotError`; callers catch it and rebuild.
 */

export class SnapshotError extends Error {}

/** Node's Buffer, where there is one: its UTF-16 conversions are the fastest (the web has TextDecoder only). */
interface Utf16Buffer {
  from(s: string, encoding: 'utf16le'): Uint8Array;
  from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'utf16le'): string };
}
const NodeBuffer = (globalThis as { Buffer?: Utf16Buffer }).Buffer;
const utf16Decoder = new TextDecoder('utf-16le');

/** A string's UTF-16LE bytes. */
export function utf16Bytes(s: string): Uint8Array {
  if (NodeBuffer) return NodeBuffer.from(s, 'utf16le');
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

/** The string of UTF-16LE bytes. */
export function utf16String(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  return utf16Decoder.decode(bytes);
}

/** The parts one after another, in one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes as parts, in order (written to a file one after another, or joined with `concatBytes`). */
export interface ByteParts {
  readonly parts: readonly Uint8Array[];
  /** Their total length. */
  readonly length: number;
}

export class BinaryWriter {
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  constructor(magic: string, version: number) {
    this.string(magic);
    this.u32(version);
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  private pad(): void {
    const r = this.length % 4;
    if (r) this.push(new Uint8Array(4 - r));
  }

  u32(n: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n >>> 0, true);
    this.push(b);
  }

  f64(n: number): void {
    this.pad();
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, n, true);
    this.push(b);
  }

  /** A string: its length in UTF-16 code units, then its UTF-16LE bytes. */
  string(s: string): void {
    this.u32(s.length);
    this.push(utf16Bytes(s));
    this.pad();
  }

  /** A typed array (little-endian hosts: the bytes as they are in memory). */
  array(a: Uint32Array | Uint16Array | Uint8Array | Int32Array | Float64Array): void {
    this.u32(a.length);
    this.pad();
    if (a instanceof Float64Array && this.length % 8) this.push(new Uint8Array(4));
    this.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    this.pad();
  }

  /** Raw bytes. */
  blob(b: Uint8Array): void {
    this.u32(b.length);
    this.push(b);
    this.pad();
  }

  /** Strings as one blob and their UTF-16 end offsets. */
  strings(list: readonly string[]): void {
    const ends = new Uint32Array(list.length);
    let n = 0;
    list.forEach((s, i) => (ends[i] = n += s.length));
    this.array(ends);
    this.string(list.join(''));
  }

  /** Where the writer is (for `hashSince`). */
  mark(): number {
    return this.parts.length;
  }

  /** A hash of what was written since `mark` (see `hashWords`). */
  hashSince(mark: number): number {
    const b = concatBytes(this.parts.slice(mark));
    return hashWords(new Uint32Array(b.buffer, 0, b.length >> 2));
  }

  /** What was written, as the parts it was written in (joining hundreds of MB into one buffer takes seconds). */
  chunks(): ByteParts {
    return { parts: this.parts, length: this.length };
  }

  bytes(): Uint8Array {
    return concatBytes(this.parts);
  }
}

export class BinaryReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  /** Throws `SnapshotError` when the magic or version differ. */
  constructor(input: Uint8Array, magic: string, version: number) {
    // Typed-array views need aligned offsets: copy a buffer that does not start on 8 bytes (with Uint8Array's slice:
    // a Node Buffer's is a view).
    this.bytes = input.byteOffset % 8 === 0 ? input : Uint8Array.prototype.slice.call(input);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (this.string() !== magic) throw new SnapshotError('not a snapshot');
    const found = this.u32();
    if (found !== version) throw new SnapshotError(`written in layout ${found}, not ${version}`);
  }

  private need(n: number): void {
    if (n < 0 || this.at + n > this.bytes.length) throw new SnapshotError('truncated');
  }

  private pad(): void {
    this.at = (this.at + 3) & ~3;
  }

  u32(): number {
    this.need(4);
    const n = this.view.getUint32(this.at, true);
    this.at += 4;
    return n;
  }

  f64(): number {
    this.pad();
    this.need(8);
    const n = this.view.getFloat64(this.at, true);
    this.at += 8;
    return n;
  }

  string(): string {
    const n = this.u32() * 2;
    this.need(n);
    const s = utf16String(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    this.pad();
    return s;
  }

  private raw(count: number, size: number, align = 4): { buffer: ArrayBufferLike; offset: number } {
    this.pad();
    if (align === 8 && (this.bytes.byteOffset + this.at) % 8) this.at += 4;
    this.need(count * size);
    const offset = this.bytes.byteOffset + this.at;
    this.at += count * size;
    this.pad();
    return { buffer: this.bytes.buffer, offset };
  }

  /** A typed array section: its length, then its values, read as a view (no copy). */
  private typed<T>(Array: new (buffer: ArrayBufferLike, offset: number, length: number) => T, size: number, align = 4): T {
    const n = this.u32();
    const { buffer, offset } = this.raw(n, size, align);
    return new Array(buffer, offset, n);
  }

  u32s(): Uint32Array {
    return this.typed(Uint32Array, 4);
  }

  u16s(): Uint16Array {
    return this.typed(Uint16Array, 2);
  }

  i32s(): Int32Array {
    return this.typed(Int32Array, 4);
  }

  u8s(): Uint8Array {
    return this.typed(Uint8Array, 1);
  }

  f64s(): Float64Array {
    return this.typed(Float64Array, 8, 8);
  }

  blob(): Uint8Array {
    const n = this.u32();
    this.need(n);
    const b = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    this.pad();
    return b;
  }

  /** A `strings` section as a `StringTable`: decoded as one string, each cut when first asked for (the bytes let go). */
  stringTable(): StringTable {
    // Its ends copied: a view would keep the whole buffer read.
    const ends = this.u32s().slice();
    return new StringTable(this.string(), ends);
  }

  strings(): string[] {
    const ends = this.u32s();
    const blob = this.string();
    const out = new Array<string>(ends.length);
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      const to = ends[i]!;
      if (to < from || to > blob.length) throw new SnapshotError('bad string offsets');
      out[i] = blob.slice(from, to);
      from = to;
    }
    return out;
  }

  end(): void {
    if (this.at !== this.bytes.length) throw new SnapshotError('trailing bytes');
  }

  /** Where the reader is (for `hashSince`). */
  mark(): number {
    return this.at;
  }

  /** A hash of the bytes read since `mark`, as `BinaryWriter.hashSince` made it of the same sections. */
  hashSince(mark: number): number {
    return hashWords(new Uint32Array(this.bytes.buffer, this.bytes.byteOffset + mark, (this.at - mark) >> 2));
  }
}

/**
 * Strings kept as the one string they were written as (`BinaryWriter.strings`), each cut when first asked for:
 * hundreds of thousands of words restored without making a string each.
 */
export class StringTable {
  private readonly cut: (string | undefined)[];

  constructor(
    private readonly all: string,
    private readonly ends: Uint32Array,
  ) {
    for (let i = 0, from = 0; i < ends.length; from = ends[i++]!) if (ends[i]! < from || ends[i]! > all.length) throw new SnapshotError('bad string offsets');
    this.cut = new Array<string | undefined>(ends.length);
  }

  get length(): number {
    return this.ends.length;
  }

  /** String i (throws `SnapshotError` past the end). */
  get(i: number): string {
    let s = this.cut[i];
    if (s === undefined) {
      if (!(i >= 0 && i < this.ends.length)) throw new SnapshotError('no such string');
      this.cut[i] = s = this.all.slice(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
    }
    return s;
  }

  /** Every string, in order. */
  toArray(): string[] {
    return Array.from({ length: this.ends.length }, (_, i) => this.get(i));
  }
}

/** FNV-1a over 32-bit words: a few milliseconds for megabytes (sections are padded to 4 bytes). */
export function hashWords(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

/** Checks every value of `a` is below `limit`. */
export function below(a: ArrayLike<number>, limit: number): void {
  for (let i = 0; i < a.length; i++) if (a[i]! >= limit) throw new SnapshotError('value out of range');
}

/** Checks `o` holds n + 1 offsets rising from 0 to `total` (cutting an array of that length into n pieces). */
export function checkOffsets(o: Uint32Array, n: number, total: number): void {
  if (o.length !== n + 1 || o[0] !== 0 || o[n] !== total) throw new SnapshotError('bad offsets');
  for (let i = 0; i < n; i++) if (o[i]! > o[i + 1]!) throw new SnapshotError('bad offsets');
}
