/**
 * The few globals `src/core` may use: those that Node, a web worker and a browser page all provide. `src/core` is
 * type-checked against this file alone (`tsconfig.core.json`: no Node types, no DOM, no `vscode`), so that an import
 * of a Node module, of `vscode`, or a use of any other platform global fails the build.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare function setTimeout(handler: () => void, timeout?: number): unknown;

declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
