// The concordance webview: builds the table from the lines the extension sends (textContent only).
(function () {
  const vscode = acquireVsCodeApi();
  const table = document.getElementById('lines');
  const body = document.querySelector('#lines tbody');
  const keywordColumn = document.getElementById('keyword-column');
  const summary = document.getElementById('summary');
  const cell = (cls, text) => {
    const td = document.createElement('td');
    td.className = cls;
    // In its own span: a cell may lay its text out in another direction than the text's (see concordance.css).
    const span = document.createElement('span');
    span.textContent = text;
    td.append(span);
    return td;
  };
  function render(message) {
    summary.textContent = message.summary || message.lines.length + ' × ' + message.label;
    document.querySelectorAll('button[data-sort]').forEach((b) => b.classList.toggle('active', b.dataset.sort === message.sort));
    // The keyword column as wide as the longest keyword (within reason); the contexts share the rest.
    const longest = message.lines.reduce((n, l) => Math.max(n, l.keyword.length), 0);
    keywordColumn.style.width = Math.min(Math.max(longest, 4), 24) + 2 + 'ch';
    body.replaceChildren();
    for (const line of message.lines) {
      const tr = document.createElement('tr');
      tr.tabIndex = 0;
      const source = cell('source', line.title || line.name);
      source.title = line.title ? line.title + '\n' + line.name : line.name;
      tr.append(cell('before', line.left), cell('keyword', line.keyword), cell('after', line.right), source);
      const open = () => vscode.postMessage({ type: 'open', file: line.file, start: line.start, end: line.end });
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
      body.append(tr);
    }
    table.hidden = message.lines.length === 0;
    vscode.setState(message);
  }
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'lines') render(e.data);
  });
  document.querySelectorAll('button[data-sort]').forEach((b) =>
    b.addEventListener('click', () => vscode.postMessage({ type: 'sort', sort: b.dataset.sort })),
  );
  const state = vscode.getState();
  if (state) render(state);
  vscode.postMessage({ type: 'ready' });
})();
