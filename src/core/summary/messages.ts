/**
 * The Summary panel's messages, shared by the extension (src/vscode/features/summaryPanel.ts) and the webview
 * script (media/summary.js, type-checked against this file through JSDoc), and the checks the
 * extension runs on what the webview sends. Imports only types, so a browser build can check it too.
 */
import type { EntityType } from '../entities/recognizer';

export type EntityTypeName = EntityType;

/** What the panel shows; also the webview's saved state (restored by the serializer after a reload). */
export type SummaryView =
  | {
      kind: 'corpus';
      /** Filter the whole view to the articles naming this entity. */
      entity?: string;
      /** Entity types in the co-occurrence network. */
      networkTypes?: EntityTypeName[];
      networkBy?: 'sentence' | 'article';
    }
  | { kind: 'article'; file: string }
  | { kind: 'entity'; id: string };

/** A place in a corpus file to open (line/character as the corpus gives them). */
export interface OpenTarget {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** Extension → webview. */
export type ToWebview = {
  type: 'render';
  view: SummaryView;
  /** The view as HTML, every text escaped (src/core/summary/html.ts). */
  html: string;
  canGoBack: boolean;
};

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'navigate'; view: SummaryView }
  | { type: 'back' }
  | { type: 'open'; target: OpenTarget }
  /** The script has shown `view`; `text` is what the page reads as (its visible text), for tests and logs. */
  | { type: 'rendered'; view: SummaryView; text: string };

/** The state the webview keeps with `setState` (and the serializer receives). */
export interface SummaryState {
  view: SummaryView;
}

/** Checks a message from the webview (it is untrusted input: the page could be anything). */
export function isFromWebview(m: unknown): m is FromWebview {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as { type?: unknown; view?: unknown; target?: unknown };
  switch (x.type) {
    case 'ready':
    case 'back':
      return true;
    case 'navigate':
      return isSummaryView(x.view);
    case 'rendered':
      return isSummaryView(x.view) && typeof (m as { text?: unknown }).text === 'string';
    case 'open': {
      const t = x.target as Partial<OpenTarget> | undefined;
      return (
        typeof t === 'object' &&
        t !== null &&
        typeof t.file === 'string' &&
        [t.line, t.character, t.endLine, t.endCharacter].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
      );
    }
    default:
      return false;
  }
}

const TYPES = new Set(['person', 'organisation', 'place', 'law']);

export function isSummaryView(v: unknown): v is SummaryView {
  if (typeof v !== 'object' || v === null) return false;
  const x = v as { kind?: unknown; entity?: unknown; networkTypes?: unknown; networkBy?: unknown; file?: unknown; id?: unknown };
  switch (x.kind) {
    case 'corpus':
      return (
        (x.entity === undefined || typeof x.entity === 'string') &&
        (x.networkTypes === undefined || (Array.isArray(x.networkTypes) && x.networkTypes.every((t) => TYPES.has(t as string)))) &&
        (x.networkBy === undefined || x.networkBy === 'sentence' || x.networkBy === 'article')
      );
    case 'article':
      return typeof x.file === 'string';
    case 'entity':
      return typeof x.id === 'string';
    default:
      return false;
  }
}
