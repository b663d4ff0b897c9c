/**
 * What the features' labels share: numbers written as the display language writes them, bidi isolates that
 * keep each part of a label (an Arabic title, a Latin name, a count, a date) in its own direction, and tree
 * rows cut to fit the side bar.
 */
import * as vscode from 'vscode';
import { formatNumber } from '../../core/text/numbers';
import { roughWidth, shortenEnd } from '../../core/text/shorten';
import { config } from '../workspace/config';

/** A count in the display language's digits and grouping ("1,699"). */
export function num(n: number): string {
  return formatNumber(n, vscode.env.language);
}

/** A part of a label isolated (FSI … PDI): it keeps its direction and does not run into its neighbours. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The fewest characters of a title a tree row shows, however long its description. */
export const MIN_TITLE = 12;

/**
 * What a tree row `depth` levels deep shows, label and description together, in `roughWidth` units (Arabic
 * letters): the `rowLength` setting at the first level, a little less at each level deeper; Infinity when the
 * setting is 0.
 */
export function rowRoom(depth: number): number {
  const length = config.rowLength();
  return length === 0 ? Infinity : length - 1.5 * depth;
}

/**
 * A title (or a subheading) for a tree row: VS Code cuts a row too long for the side bar at its right edge, which
 * for an Arabic title is its start, and the description after it never shows. Cut here at whole words instead,
 * the title keeps its start and leaves room for `description`. The whole title belongs in the tooltip and the
 * row's accessible label.
 */
export function rowLabel(text: string, description: string, depth: number): string {
  return fitBeside(text, description, rowRoom(depth));
}

/** `text` cut at whole words so that it and `beside` (shown on the same line after it) fit `room` (`roughWidth` units). */
export function fitBeside(text: string, beside: string, room: number): string {
  if (room === Infinity) return text;
  const shown = roughWidth(beside);
  return shortenEnd(text, Math.max(MIN_TITLE, Math.floor(room - (shown > 0 ? shown + 1 : 0))));
}
