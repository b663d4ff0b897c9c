/**
 * A SphinxQL connection (the MySQL protocol, through `mysql2`) to a Sphinx 2.2 or Manticore `searchd`, and the
 * address syntax `host:port[/index]`. Errors name the server ("127.0.0.1:9306: connection refused") so that a user
 * knows which one is down. Node only.
 */
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';

/** Where an archive is: a SphinxQL listener and an index on it. */
export interface ServerAddress {
  host: string;
  port: number;
  /** The index to query or load (default `corpus`). */
  index: string;
}

export const DEFAULT_INDEX = 'corpus';

/** `host:port[/index]` (also `[::1]:port`), or undefined with the reason. */
export function parseServerAddress(text: string): ServerAddress | { error: string } {
  const m = /^\s*(\[[^\]]+\]|[^:/\s]+):(\d{1,5})(?:\/([A-Za-z_][A-Za-z0-9_]*))?\s*$/.exec(text);
  if (!m) return { error: `"${text}" is not host:port[/index] (e.g. 127.0.0.1:9306/corpus)` };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return { error: `port ${m[2]} is out of range` };
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port, index: m[3] ?? DEFAULT_INDEX };
}

export function describeAddress(a: Pick<ServerAddress, 'host' | 'port'>): string {
  return a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

/** An error talking to a server; its message starts with the server's address. */
export class ArchiveError extends Error {
  constructor(
    readonly address: string,
    message: string,
    readonly code?: string,
  ) {
    super(`${address}: ${message}`);
    this.name = 'ArchiveError';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is searchd running and listening for SphinxQL, mysql41, on this port?)',
  ETIMEDOUT: 'no answer in time',
  ENOTFOUND: 'no such host',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'the connection was reset',
  PROTOCOL_CONNECTION_LOST: 'the server closed the connection',
};

function reasonOf(e: unknown): { message: string; code?: string } {
  const err = e as { code?: unknown; message?: unknown; sqlMessage?: unknown };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && REASONS[code]) return { message: REASONS[code]!, code };
  if (typeof err.sqlMessage === 'string') return { message: err.sqlMessage, code };
  return { message: typeof err.message === 'string' && err.message ? err.message : String(e), code };
}

export interface ClientOptions {
  /** Milliseconds to wait for a connection and for each statement (default 5000). */
  timeoutMs?: number;
}

/** One SphinxQL connection. Statements are sent as text (Sphinx has no server-side prepared statements). */
export class SphinxClient {
  private constructor(
    private readonly connection: Connection,
    readonly address: string,
    private readonly timeoutMs: number,
  ) {}

  static async connect(server: Pick<ServerAddress, 'host' | 'port'>, options: ClientOptions = {}): Promise<SphinxClient> {
    const address = describeAddress(server);
    const timeoutMs = options.timeoutMs ?? 5000;
    try {
      const connection = await createConnection({
        host: server.host,
        port: server.port,
        connectTimeout: timeoutMs,
        // Sphinx answers ids and 64-bit attributes as text above 2^53; ours stay below it.
        supportBigNumbers: true,
        bigNumberStrings: false,
        charset: 'UTF8MB4_GENERAL_CI',
      });
      // A connection that dies later must not throw from an event nobody listens to.
      connection.on('error', () => undefined);
      return new SphinxClient(connection, address, timeoutMs);
    } catch (e) {
      const { message, code } = reasonOf(e);
      throw new ArchiveError(address, message, code);
    }
  }

  /** Rows of a SELECT (or of SHOW …), each an object keyed by column. */
  async select(sql: string): Promise<Record<string, unknown>[]> {
    const rows = await this.run(sql);
    return Array.isArray(rows) ? (rows as RowDataPacket[]).map((r) => ({ ...r })) : [];
  }

  /** A statement without rows (INSERT, DELETE, REPLACE…). */
  async execute(sql: string): Promise<void> {
    await this.run(sql);
  }

  private async run(sql: string): Promise<unknown> {
    try {
      const [rows] = await this.connection.query({ sql, timeout: this.timeoutMs });
      return rows;
    } catch (e) {
      const { message, code } = reasonOf(e);
      throw new ArchiveError(this.address, code === 'PROTOCOL_SEQUENCE_TIMEOUT' ? `no answer within ${this.timeoutMs} ms` : message, code);
    }
  }

  /** Closes the connection at once, a statement under way or not (it fails). */
  destroy(): void {
    this.connection.destroy();
  }

  async close(): Promise<void> {
    await this.connection.end().catch(() => this.connection.destroy());
  }
}

/** A string literal for SphinxQL: single quotes, backslash escapes (what Sphinx 2.2 and Manticore both read). */
export function sqlString(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`).replace(/\0/g, '')}'`;
}

/** A whole number for SphinxQL (throws on anything else: values come from our own code). */
export function sqlInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a SphinxQL unsigned integer: ${n}`);
  return String(n);
}
