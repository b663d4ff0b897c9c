// The concordance webview: builds the table from the lines the extension sends (textContent only).
(function () {
  const vscode = acquireVsCodeApi();
  const body = document.querySelector('#lines tbody');
  const summary = document.getElementById('summary');
  const cell = (cls, text) => {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text;
    return td;
  };
  function render(message) {
    summary.textContent = message.summary || message.lines.length + ' × ' + message.label;
    document.querySelectorAll('button[data-sort]').forEach((b) => b.classList.toggle('active', b.dataset.sort === message.sort));
    body.replaceChildren();
    for (const line of message.lines) {
      const tr = document.createElement('tr');
      tr.tabIndex = 0;
      tr.title = line.title + ' — ' + line.name;
      tr.append(cell('before', line.left), cell('keyword', line.keyword), cell('after', line.right), cell('source', line.name));
      const open = () => vscode.postMessage({ type: 'open', file: line.file, start: line.start, end: line.end });
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
      body.append(tr);
    }
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
