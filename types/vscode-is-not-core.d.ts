// `src/core` may not import `vscode` (tsconfig.core.json maps it here, to a file that is no module, so the import
// fails the type-check): core runs in Node, a worker and a browser. Adapters belong in src/vscode/.
declare const vscodeIsNotCore: never;
