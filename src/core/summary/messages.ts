/**
 * The Summary panel's messages, shared by the extension (src/vscode/features/summaryPanel.ts) and the webview
 * script (media/summary.js, type-checked against this file through JSDoc), and the checks the
 * extension runs on what the webview sends. Imports only types, so a browser build can check it too.
 */
import type { EntityType } from '../entities/recognizer';

export type EntityTypeName = EntityType;

/** A section of the corpus view that shows its top items until the user asks for all of them. */
export type SummarySection = EntityTypeName | 'outlets';

/** What the panel shows; also the webview's saved state (restored by the serializer after a reload). */
export type SummaryView =
  | {
      kind: 'corpus';
      /** Filter the whole view to the articles naming this entity. */
      entity?: string;
      /** Filter the whole view to the articles of this outlet. */
      outlet?: string;
      /** Entity types in the co-occurrence network. */
      networkTypes?: EntityTypeName[];
      networkBy?: 'sentence' | 'article';
      /** Nodes in the network (the most mentioned entities). */
      networkSize?: number;
      /** The page of the articles table shown (from 0). */
      page?: number;
      /** Sections shown in full rather than their top items. */
      expand?: SummarySection[];
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
export type ToWebview =
  | {
      type: 'render';
      view: SummaryView;
      /** The view as HTML, every text escaped (src/core/summary/html.ts). */
      html: string;
      canGoBack: boolean;
    }
  /** Scroll the section whose heading has this id to the top. */
  | { type: 'reveal'; id: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'navigate'; view: SummaryView }
  | { type: 'back' }
  | { type: 'open'; target: OpenTarget }
  /** The script has shown `view`; `text` is what the page reads as (its visible text), for tests and logs. */
  | { type: 'rendered'; view: SummaryView; text: string; metrics?: PageMetrics };

/** What the page measures of itself after showing a view (for tests and logs). */
export interface PageMetrics {
  /** The document's height in CSS pixels. */
  height: number;
  /** Computed colours (`rgb(…)`): each entity type's and the cards' background. */
  colors: Partial<Record<EntityTypeName | 'card' | 'page', string>>;
}

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
      return isSummaryView(x.view) && typeof (m as { text?: unknown }).text === 'string' && isMetrics((m as { metrics?: unknown }).metrics);
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
const SECTIONS = new Set([...TYPES, 'outlets']);
/** The network sizes the view offers. */
export const NETWORK_SIZES: readonly number[] = [12, 24, 48];

function isMetrics(v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'object' || v === null) return false;
  const x = v as { height?: unknown; colors?: unknown };
  return (
    typeof x.height === 'number' &&
    typeof x.colors === 'object' &&
    x.colors !== null &&
    Object.entries(x.colors).every(([k, c]) => (SECTIONS.has(k) || k === 'card' || k === 'page') && typeof c === 'string')
  );
}

const isCount = (n: unknown, max: number): boolean => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max);

export function isSummaryView(v: unknown): v is SummaryView {
  if (typeof v !== 'object' || v === null) return false;
  const x = v as { kind?: unknown; entity?: unknown; networkTypes?: unknown; networkBy?: unknown; file?: unknown; id?: unknown };
  switch (x.kind) {
    case 'corpus': {
      const y = v as { outlet?: unknown; networkSize?: unknown; page?: unknown; expand?: unknown };
      return (
        (x.entity === undefined || typeof x.entity === 'string') &&
        (y.outlet === undefined || typeof y.outlet === 'string') &&
        (y.networkSize === undefined || NETWORK_SIZES.includes(y.networkSize as number)) &&
        isCount(y.page, 1_000_000) &&
        (y.expand === undefined || (Array.isArray(y.expand) && y.expand.every((t) => SECTIONS.has(t as string)))) &&
        (x.networkTypes === undefined || (Array.isArray(x.networkTypes) && x.networkTypes.every((t) => TYPES.has(t as string)))) &&
        (x.networkBy === undefined || x.networkBy === 'sentence' || x.networkBy === 'article')
      );
    }
    case 'article':
      return typeof x.file === 'string';
    case 'entity':
      return typeof x.id === 'string';
    default:
      return false;
  }
}
