// @ts-check
/**
 * Corpus Navigator — the Summary panel's script (the page's only script, loaded by nonce).
 * Plain JavaScript, type-checked against the shared message types (src/core/summary/messages.ts)
 * by `npm run typecheck` (media/tsconfig.json). The HTML it shows is rendered and escaped by the
 * extension (src/core/summary/html.ts); this script only wires clicks, keys and state.
 */
(function () {
  /** @typedef {import('../src/core/summary/messages').SummaryView} SummaryView */
  /** @typedef {import('../src/core/summary/messages').ToWebview} ToWebview */
  /** @typedef {import('../src/core/summary/messages').FromWebview} FromWebview */
  /** @typedef {import('../src/core/summary/messages').EntityTypeName} EntityTypeName */

  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));

  /** @param {FromWebview} message */
  function post(message) {
    vscode.postMessage(message);
  }

  /** @returns {SummaryView} */
  function currentView() {
    try {
      return JSON.parse(root.dataset['view'] ?? '');
    } catch {
      return { kind: 'corpus' };
    }
  }

  /** @param {SummaryView} view */
  function save(view) {
    vscode.setState({ view });
  }

  /** Clicks on links and buttons: navigate inside the panel, open in the editor, go back. */
  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    if (!target) return;
    const nav = target.closest('[data-nav]');
    const open = target.closest('[data-open]');
    const back = target.closest('[data-back]');
    if (!nav && !open && !back) return;
    event.preventDefault();
    if (back) post({ type: 'back' });
    else if (open) post({ type: 'open', target: JSON.parse(open.getAttribute('data-open') ?? '{}') });
    else if (nav) post({ type: 'navigate', view: JSON.parse(nav.getAttribute('data-nav') ?? '{}') });
  });

  /** The network's filters: types shown, what links two entities, how many; the rest of the view is kept. */
  document.addEventListener('change', (event) => {
    const input = event.target instanceof Element ? event.target : null;
    const form = input?.closest('[data-network-form]');
    if (!form) return;
    /** @type {EntityTypeName[]} */
    const types = [];
    for (const box of form.querySelectorAll('input[data-network-type]')) {
      if (box instanceof HTMLInputElement && box.checked) types.push(/** @type {EntityTypeName} */ (box.dataset['networkType']));
    }
    const select = form.querySelector('select[data-network-by]');
    const by = select instanceof HTMLSelectElement && select.value === 'article' ? 'article' : 'sentence';
    const sizeSelect = form.querySelector('select[data-network-size]');
    const size = sizeSelect instanceof HTMLSelectElement ? Number(sizeSelect.value) : NaN;
    const current = currentView();
    /** @type {SummaryView} */
    const view = current.kind === 'corpus' ? { ...current, networkTypes: types, networkBy: by } : { kind: 'corpus', networkTypes: types, networkBy: by };
    if (view.kind === 'corpus' && Number.isInteger(size)) view.networkSize = size;
    post({ type: 'navigate', view });
  });

  /** Lists whose items arrow keys move between (Tab moves between lists). */
  const LISTS = '.top-list, .chips, .nodes, ol.summary, .mentions, .outlets, tbody, .reader, .stats';
  const FOCUSABLE = 'a[href], button, input, select';

  document.addEventListener('keydown', (event) => {
    const el = document.activeElement;
    const typing = el instanceof HTMLInputElement || el instanceof HTMLSelectElement;
    if ((event.altKey && event.key === 'ArrowLeft') || (event.key === 'Backspace' && !typing)) {
      if (root.querySelector('[data-back]')) {
        event.preventDefault();
        post({ type: 'back' });
      }
      return;
    }
    if (!(el instanceof Element) || typing) return;
    if (event.key === ' ' && el.matches('[data-nav], [data-open]')) {
      event.preventDefault();
      /** @type {HTMLElement} */ (el).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return;
    }
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowLeft: 1, ArrowRight: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined) return;
    const list = el.closest(LISTS);
    if (!list) return;
    const items = [...list.querySelectorAll(FOCUSABLE)].filter((x) => !x.closest('.sr') && !x.matches('.icon-button'));
    const i = items.indexOf(el);
    if (i < 0) return;
    // Right-to-left: the left arrow goes forward, the right arrow back (in SVG, both follow the drawing order).
    const next = step === -Infinity ? 0 : step === Infinity ? items.length - 1 : Math.min(items.length - 1, Math.max(0, i + step));
    const to = items[next];
    if (to instanceof HTMLElement || to instanceof SVGElement) {
      event.preventDefault();
      to.focus();
    }
  });

  /** Hovering (or focusing) a node of the network lights its edges. */
  function light(/** @type {Event} */ event, /** @type {boolean} */ on) {
    const node = event.target instanceof Element ? event.target.closest('.node, .label') : null;
    const svg = node?.closest('svg');
    if (!node || !svg) return;
    const id = node.getAttribute('data-id') ?? node.getAttribute('data-for');
    svg.classList.toggle('hovering', on);
    for (const edge of svg.querySelectorAll('.edge')) {
      edge.classList.toggle('lit', on && (edge.getAttribute('data-a') === id || edge.getAttribute('data-b') === id));
    }
  }
  document.addEventListener('mouseover', (e) => light(e, true));
  document.addEventListener('mouseout', (e) => light(e, false));
  document.addEventListener('focusin', (e) => light(e, true));
  document.addEventListener('focusout', (e) => light(e, false));

  /** Fits each network label's backing to its text as drawn (the extension can only estimate the width). */
  function fitLabels() {
    for (const g of root.querySelectorAll('svg.network g.label')) {
      const text = g.querySelector('text');
      const rect = g.querySelector('rect.label-bg');
      if (!(text instanceof SVGTextElement) || !(rect instanceof SVGRectElement)) continue;
      const width = text.getComputedTextLength() + 6;
      const side = g.getAttribute('data-side');
      const x = Number(text.getAttribute('x'));
      const x0 = side === 'right' ? x - 2 : side === 'left' ? x + 2 - width : x - width / 2;
      rect.setAttribute('x', x0.toFixed(1));
      rect.setAttribute('width', width.toFixed(1));
    }
  }

  /** The colour an element of `cls` gets (`rgb(…)`), read from a probe the page adds and removes. */
  function colorOf(/** @type {string} */ cls, /** @type {'color' | 'backgroundColor'} */ property) {
    const probe = document.createElement('span');
    probe.className = cls;
    root.appendChild(probe);
    const value = getComputedStyle(probe)[property];
    probe.remove();
    return value;
  }

  /** What the page measures of itself: its height, and the colours of each type and of the cards (for the tests). */
  function metrics() {
    /** @type {import('../src/core/summary/messages').PageMetrics['colors']} */
    const colors = { card: colorOf('card color-probe', 'backgroundColor'), page: getComputedStyle(document.body).backgroundColor };
    for (const t of /** @type {const} */ (['person', 'organisation', 'place', 'law'])) colors[t] = colorOf(`t-${t} color-probe`, 'color');
    return { height: document.documentElement.scrollHeight, colors };
  }

  /** Tells the extension what the page now shows (its visible text, capped) and how tall it is. */
  function rendered() {
    fitLabels();
    post({ type: 'rendered', view: currentView(), text: root.innerText.slice(0, 200000), metrics: metrics() });
  }

  /** A key that finds "the same" control after a re-render (to keep focus and place). */
  function keyOf(/** @type {Element | null} */ el) {
    if (!el) return undefined;
    for (const a of ['data-key', 'data-nav', 'data-open', 'data-network-type', 'data-network-by', 'data-network-size', 'data-back']) {
      const v = el.getAttribute(a);
      if (v !== null) return [a, v];
    }
    return undefined;
  }

  window.addEventListener('message', (event) => {
    /** @type {ToWebview} */
    const message = event.data;
    if (message && message.type === 'reveal') {
      const heading = document.getElementById(message.id);
      const section = heading?.closest('section') ?? heading;
      if (section) window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - (root.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0));
      rendered();
      return;
    }
    if (!message || message.type !== 'render') return;
    const sameView = JSON.stringify(message.view) === root.dataset['view'];
    const focused = keyOf(document.activeElement);
    const scroll = window.scrollY;
    root.innerHTML = message.html;
    root.dataset['view'] = JSON.stringify(message.view);
    save(message.view);
    let refocused = false;
    if (focused) {
      const [attr, value] = focused;
      const again = [...root.querySelectorAll(`[${attr}]`)].find((x) => x.getAttribute(attr) === value);
      if (again instanceof HTMLElement || again instanceof SVGElement) {
        again.focus({ preventScroll: true });
        refocused = true;
      }
    }
    if (sameView || (refocused && message.view.kind === 'corpus')) window.scrollTo(0, scroll);
    else {
      window.scrollTo(0, 0);
      if (!refocused) root.focus({ preventScroll: true });
    }
    rendered();
  });

  // A new theme changes the page's colours (VS Code sets the root's style and the body's classes): measure again.
  let remeasure = 0;
  const themeChanged = new MutationObserver(() => {
    cancelAnimationFrame(remeasure);
    remeasure = requestAnimationFrame(() => rendered());
  });
  themeChanged.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  themeChanged.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });

  save(currentView());
  post({ type: 'ready' });
  rendered();
})();
