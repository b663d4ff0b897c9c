// The webview API VS Code gives the Summary panel's script (media/summary.js), typed with our messages.
type SummaryFromWebview = import('../src/core/summary/messages').FromWebview;
type SummaryState = import('../src/core/summary/messages').SummaryState;

interface SummaryWebviewApi {
  postMessage(message: SummaryFromWebview): void;
  getState(): SummaryState | undefined;
  setState(state: SummaryState): void;
}

declare function acquireVsCodeApi(): SummaryWebviewApi;
