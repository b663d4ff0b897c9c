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

  /** The network's filters: types shown and what links two entities. */
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
    /** @type {SummaryView} */
    const view = { kind: 'corpus', networkTypes: types, networkBy: by };
    const entity = form.getAttribute('data-entity');
    if (entity) view.entity = entity;
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
    const node = event.target instanceof Element ? event.target.closest('.node') : null;
    const svg = node?.closest('svg');
    if (!node || !svg) return;
    const id = node.getAttribute('data-id');
    svg.classList.toggle('hovering', on);
    for (const edge of svg.querySelectorAll('.edge')) {
      edge.classList.toggle('lit', on && (edge.getAttribute('data-a') === id || edge.getAttribute('data-b') === id));
    }
  }
  document.addEventListener('mouseover', (e) => light(e, true));
  document.addEventListener('mouseout', (e) => light(e, false));
  document.addEventListener('focusin', (e) => light(e, true));
  document.addEventListener('focusout', (e) => light(e, false));

  /** Tells the extension what the page now shows (its visible text, capped). */
  function rendered() {
    post({ type: 'rendered', view: currentView(), text: root.innerText.slice(0, 200000) });
  }

  /** A key that finds "the same" control after a re-render (to keep focus and place). */
  function keyOf(/** @type {Element | null} */ el) {
    if (!el) return undefined;
    for (const a of ['data-nav', 'data-open', 'data-network-type', 'data-network-by', 'data-back']) {
      const v = el.getAttribute(a);
      if (v !== null) return [a, v];
    }
    return undefined;
  }

  window.addEventListener('message', (event) => {
    /** @type {ToWebview} */
    const message = event.data;
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

  save(currentView());
  post({ type: 'ready' });
  rendered();
})();
