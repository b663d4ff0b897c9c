/**
 * The .vsix smoke suite's entry point (`extensionTestsPath`, run by `scripts/vscode-test.mjs --vsix`): the same
 * runner as the integration suite — mocha over every *.test.js next to this file, one closing "N passed, N failed"
 * line — but here the extension under test is the packaged one, installed from the .vsix, not the repository.
 */
export { run } from '../integration/index';
