/**
 * The co-occurrence network's SVG: a deterministic force-directed layout, labels placed clear of the links, links
 * thinned to the strongest so that any size stays readable.
 */
import type { Network } from './model';
import { ENTITY_TYPES } from './model';
import { formatNumber } from '../text/numbers';
import { esc, json, label } from './htmlParts';

/**
 * A force-directed layout (Fruchterman–Reingold), deterministic: nodes start on a circle in a fixed
 * order, linked nodes pull together (more for heavier edges), all push apart, a little gravity keeps
 * loners in view. Returns positions scaled into [0, 1]².
 */
const GRAVITY = 1.2;

export function layoutNetwork(ids: readonly string[], edges: readonly { a: string; b: string; weight: number }[], iterations = 300): Map<string, { x: number; y: number }> {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = ids.map((_, i) => Math.cos((2 * Math.PI * i) / Math.max(1, n)));
  const y = ids.map((_, i) => Math.sin((2 * Math.PI * i) / Math.max(1, n)));
  const links = edges.flatMap((e) => {
    const i = index.get(e.a);
    const j = index.get(e.b);
    return i === undefined || j === undefined ? [] : [{ i, j, w: 1 + Math.log(e.weight) }];
  });
  const k = Math.sqrt(4 / Math.max(1, n));
  let t = 0.2;
  for (let it = 0; it < iterations; it++) {
    const dx = new Array<number>(n).fill(0);
    const dy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ux = x[i]! - x[j]!;
        let uy = y[i]! - y[j]!;
        let d = Math.hypot(ux, uy);
        if (d < 1e-6) [ux, uy, d] = [1e-3 * (i - j), 1e-3, 1e-3];
        const f = (k * k) / d;
        dx[i]! += (ux / d) * f;
        dy[i]! += (uy / d) * f;
        dx[j]! -= (ux / d) * f;
        dy[j]! -= (uy / d) * f;
      }
    }
    for (const { i, j, w } of links) {
      const ux = x[i]! - x[j]!;
      const uy = y[i]! - y[j]!;
      const d = Math.max(1e-6, Math.hypot(ux, uy));
      const f = ((d * d) / k) * w;
      dx[i]! -= (ux / d) * f;
      dy[i]! -= (uy / d) * f;
      dx[j]! += (ux / d) * f;
      dy[j]! += (uy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity toward the centre, growing with the distance: keeps separate groups and loners close.
      const d0 = Math.hypot(x[i]!, y[i]!);
      dx[i]! -= x[i]! * GRAVITY * d0;
      dy[i]! -= y[i]! * GRAVITY * d0;
      const d = Math.hypot(dx[i]!, dy[i]!);
      if (d > 0) {
        x[i]! += (dx[i]! / d) * Math.min(d, t);
        y[i]! += (dy[i]! / d) * Math.min(d, t);
      }
    }
    t = Math.max(0.002, t * 0.985);
  }
  // Scaled to the box by the bulk of the nodes, not by the farthest: a few loners pushed far out stand at the edge
  // instead of shrinking the linked nodes into the middle.
  const range = (v: number[]): [number, number] => {
    const sorted = [...v].sort((p, q) => p - q);
    const cut = n >= 12 ? Math.floor(0.05 * (n - 1)) : 0;
    return [sorted[cut]!, sorted[n - 1 - cut]!];
  };
  const [[x0, x1], [y0, y1]] = [range(x), range(y)];
  const sx = x1 - x0 || 1;
  const sy = y1 - y0 || 1;
  const unit = (v: number, v0: number, s: number): number => Math.min(1, Math.max(0, (v - v0) / s));
  return new Map(ids.map((id, i) => [id, { x: n === 1 ? 0.5 : unit(x[i]!, x0, sx), y: n === 1 ? 0.5 : unit(y[i]!, y0, sy) }]));
}

/** Estimated width of a 12px label (Arabic letters run narrow): enough to keep labels apart. */
const labelWidth = (text: string): number => 6 * text.length + 6;

/**
 * Nudges nodes apart where a node's label (centred under it) overlaps another node's label or
 * circle: a few passes, each moving both halfway out along the cheaper axis, kept inside the box.
 */
function separateLabels(
  nodes: readonly { id: string; nameAr: string; count: number }[],
  pos: Map<string, { x: number; y: number }>,
  o: { W: number; H: number; margin: { x: number; top: number; bottom: number }; radius: (n: { count: number }) => number },
): void {
  const box = (n: { id: string; nameAr: string; count: number }) => {
    const p = pos.get(n.id)!;
    const r = o.radius(n);
    const w = Math.max(2 * r, labelWidth(n.nameAr));
    return { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - r, y1: p.y + r + 16 };
  };
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = box(nodes[i]!);
        const b = box(nodes[j]!);
        const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (ox <= 0 || oy <= 0) continue;
        const pa = pos.get(nodes[i]!.id)!;
        const pb = pos.get(nodes[j]!.id)!;
        if (oy < ox) {
          const s = (pa.y <= pb.y ? -1 : 1) * (oy / 2 + 1);
          pa.y += s;
          pb.y -= s;
        } else {
          const s = (pa.x <= pb.x ? -1 : 1) * (ox / 2 + 1);
          pa.x += s;
          pb.x -= s;
        }
        moved = true;
      }
    }
    for (const p of pos.values()) {
      p.x = Math.min(o.W - o.margin.x, Math.max(o.margin.x, p.x));
      p.y = Math.min(o.H - o.margin.bottom, Math.max(o.margin.top, p.y));
    }
    if (!moved) break;
  }
}

/** Links drawn per node at most (its strongest), and in all at most this many per node: a dense network stays legible. */
const EDGES_PER_NODE = 3;
const EDGES_TOTAL_PER_NODE = 2.5;

/**
 * The links drawn: each node's strongest few, then the strongest others up to a total, so every linked node keeps
 * a link and the drawing does not grow with the square of its nodes.
 */
export function strongestEdges<E extends { a: string; b: string; weight: number }>(edges: readonly E[], nodes: number): E[] {
  const sorted = [...edges].sort((x, y) => y.weight - x.weight);
  const kept = new Set<E>();
  const per = new Map<string, number>();
  for (const e of sorted) {
    if ((per.get(e.a) ?? 0) < EDGES_PER_NODE || (per.get(e.b) ?? 0) < EDGES_PER_NODE) {
      kept.add(e);
      per.set(e.a, (per.get(e.a) ?? 0) + 1);
      per.set(e.b, (per.get(e.b) ?? 0) + 1);
    }
  }
  const total = Math.max(kept.size, Math.ceil(EDGES_TOTAL_PER_NODE * nodes));
  for (const e of sorted) {
    if (kept.size >= total) break;
    kept.add(e);
  }
  return sorted.filter((e) => kept.has(e));
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether the segment (ax, ay)–(bx, by) crosses the box (Liang–Barsky clipping). */
export function segmentHitsBox(ax: number, ay: number, bx: number, by: number, r: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [
    [-dx, ax - r.x0],
    [dx, r.x1 - ax],
    [-dy, ay - r.y0],
    [dy, r.y1 - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Where a label stands beside its node: under, over, right of or left of it. */
export type LabelSide = 'below' | 'above' | 'right' | 'left';
const SIDES: readonly LabelSide[] = ['below', 'above', 'right', 'left'];
const LABEL_H = 15;

export function labelBox(x: number, y: number, r: number, width: number, side: LabelSide): Box {
  switch (side) {
    case 'below':
      return { x0: x - width / 2, x1: x + width / 2, y0: y + r + 1, y1: y + r + 1 + LABEL_H };
    case 'above':
      return { x0: x - width / 2, x1: x + width / 2, y0: y - r - 1 - LABEL_H, y1: y - r - 1 };
    case 'right':
      return { x0: x + r + 3, x1: x + r + 3 + width, y0: y - LABEL_H / 2, y1: y + LABEL_H / 2 };
    case 'left':
      return { x0: x - r - 3 - width, x1: x - r - 3, y0: y - LABEL_H / 2, y1: y + LABEL_H / 2 };
  }
}

/**
 * Each label's side, the most mentioned first: the side whose box crosses the fewest links (other than the node's
 * own, which leave from under it), overlaps the fewest labels already placed and circles, and stays in the frame.
 */
export function placeLabels(
  nodes: readonly { id: string; width: number; r: number }[],
  pos: ReadonlyMap<string, { x: number; y: number }>,
  edges: readonly { a: string; b: string }[],
  frame: { W: number; H: number },
): Map<string, { side: LabelSide; box: Box }> {
  const placed = new Map<string, { side: LabelSide; box: Box }>();
  const circles = nodes.map((n) => {
    const p = pos.get(n.id)!;
    return { id: n.id, box: { x0: p.x - n.r, x1: p.x + n.r, y0: p.y - n.r, y1: p.y + n.r } };
  });
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    let best: { side: LabelSide; box: Box; cost: number } | undefined;
    for (const side of SIDES) {
      const box = labelBox(p.x, p.y, n.r, n.width, side);
      let cost = SIDES.indexOf(side) * 0.01;
      if (box.x0 < 0 || box.x1 > frame.W || box.y0 < 0 || box.y1 > frame.H) cost += 1000;
      for (const e of edges) {
        if (e.a === n.id || e.b === n.id) continue;
        const a = pos.get(e.a)!;
        const b = pos.get(e.b)!;
        if (segmentHitsBox(a.x, a.y, b.x, b.y, box)) cost += 10;
      }
      for (const q of placed.values()) cost += overlap(box, q.box);
      for (const c of circles) if (c.id !== n.id) cost += 2 * overlap(box, c.box);
      if (!best || cost < best.cost) best = { side, box, cost };
    }
    placed.set(n.id, { side: best!.side, box: best!.box });
  }
  return placed;
}

/**
 * The co-occurrence network: a force-directed layout, edge width from the weight, node size from mentions; the
 * strongest links only, and each label on the side of its node that links cross least, over a backing of the
 * page's colour drawn above every link.
 */
export function networkSvg(net: Network, locale?: string): string {
  if (net.nodes.length === 0) return `<p class="muted">${label('لا توجد روابط', 'No entities named together')}</p>`;
  const f = (n: number): string => formatNumber(n, locale);
  const W = 760;
  const H = Math.round(480 * Math.max(1, Math.sqrt(net.nodes.length / 24)));
  const margin = { x: 70, top: 24, bottom: 34 };
  const order = [...net.nodes].sort((a, b) => ENTITY_TYPES.indexOf(a.type) - ENTITY_TYPES.indexOf(b.type) || b.count - a.count || a.id.localeCompare(b.id));
  const maxCount = Math.max(1, ...order.map((n) => n.count));
  const drawn = strongestEdges(net.edges, net.nodes.length);
  const maxWeight = Math.max(1, ...drawn.map((e) => e.weight));
  const unitPos = layoutNetwork(
    order.map((n) => n.id),
    drawn,
  );
  const pos = new Map(
    [...unitPos].map(([id, p]) => [id, { x: margin.x + p.x * (W - 2 * margin.x), y: margin.top + p.y * (H - margin.top - margin.bottom) }] as const),
  );
  const radius = (n: { count: number }): number => 4 + 9 * Math.sqrt(n.count / maxCount);
  separateLabels(order, pos, { W, H, margin, radius });
  const byImportance = [...order].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const labels = placeLabels(
    byImportance.map((n) => ({ id: n.id, width: labelWidth(n.nameAr), r: radius(n) })),
    pos,
    drawn,
    { W, H },
  );
  const names = new Map(order.map((n) => [n.id, n]));
  const unit = net.by === 'sentence' ? 'sentence' : 'article';
  const edges = drawn.map((e) => {
    const a = pos.get(e.a)!;
    const b = pos.get(e.b)!;
    const w = (1 + (4 * e.weight) / maxWeight).toFixed(1);
    const focus = net.focus !== undefined && (e.a === net.focus || e.b === net.focus) ? ' focus' : '';
    const tip = `${names.get(e.a)!.nameAr} — ${names.get(e.b)!.nameAr}: ${f(e.sentences)} sentence${e.sentences === 1 ? '' : 's'}, ${f(e.articles)} article${e.articles === 1 ? '' : 's'}`;
    return `<line class="edge${focus}" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke-width="${w}" data-a="${esc(e.a)}" data-b="${esc(e.b)}"><title>${esc(tip)}</title></line>`;
  });
  // Nodes in reading order (top to bottom, right to left) so Tab and the arrow keys walk them sensibly.
  const reading = [...order].sort((a, b) => pos.get(a.id)!.y - pos.get(b.id)!.y || pos.get(b.id)!.x - pos.get(a.id)!.x);
  const nodes = reading.map((n) => {
    const p = pos.get(n.id)!;
    const r = radius(n);
    const focus = n.id === net.focus ? ' focus' : '';
    const tip = `${n.nameAr}${n.nameEn ? ` (${n.nameEn})` : ''}: ${f(n.count)} mentions in ${f(n.articles)} articles`;
    return (
      `<a href="#" class="node t-${n.type}${focus}" data-nav="${json({ kind: 'corpus', entity: n.id, networkTypes: net.types, networkBy: net.by })}" data-id="${esc(n.id)}"><title>${esc(tip)}</title>` +
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}"/></a>`
    );
  });
  // Labels last, above every link and circle; the script fits each backing to its text's measured width.
  const texts = byImportance.map((n) => {
    const { side, box } = labels.get(n.id)!;
    const anchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle';
    const x = side === 'right' ? box.x0 + 2 : side === 'left' ? box.x1 - 2 : (box.x0 + box.x1) / 2;
    const focus = n.id === net.focus ? ' focus' : '';
    return (
      `<g class="label t-${n.type}${focus}" data-for="${esc(n.id)}" data-side="${side}" data-nav="${json({ kind: 'corpus', entity: n.id, networkTypes: net.types, networkBy: net.by })}"><rect class="label-bg" x="${box.x0.toFixed(1)}" y="${box.y0.toFixed(1)}" width="${(box.x1 - box.x0).toFixed(1)}" height="${(box.y1 - box.y0).toFixed(1)}" rx="3"/>` +
      `<text x="${x.toFixed(1)}" y="${(box.y1 - 4).toFixed(1)}" text-anchor="${anchor}">${esc(n.nameAr)}</text></g>`
    );
  });
  const hidden = net.edges.length - drawn.length;
  const caption = `Edge width: ${unit}s naming both (widest: ${f(maxWeight)}). The ${f(net.nodes.length)} most mentioned entities named with others${
    hidden > 0 ? `; the strongest ${f(drawn.length)} of ${f(net.edges.length)} links` : ''
  }. Choose a name to filter the summary to it.`;
  return (
    `<figure class="chart network-figure" dir="ltr"><svg class="network" viewBox="0 0 ${W} ${H}" role="group" aria-label="Entities named in the same ${unit}" direction="ltr">` +
    `<g class="edges">${edges.join('')}</g><g class="nodes">${nodes.join('')}</g><g class="labels" aria-hidden="true">${texts.join('')}</g></svg>` +
    `<figcaption><span>${esc(caption)}</span></figcaption></figure>`
  );
}
