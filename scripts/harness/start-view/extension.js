// `npm start` only (scripts/start.mjs installs it into its throw-away profile, or passes it to `code` as a second
// extension development path): the window opens on the Corpus Navigator view, not the Explorer. VS Code has no
// setting for the first view of a fresh profile, so this runs the view's command at startup (`*`: it is in no
// profile but npm start's). Showing the view activates Corpus Navigator (its `onView` event), whose corpus is the
// workspace folder itself.
const vscode = require('vscode');

exports.activate = function activate() {
  void vscode.commands.executeCommand('workbench.view.extension.corpusNavigator');
};

exports.deactivate = function deactivate() {};
