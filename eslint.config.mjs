// eslint for every script of the project (`make eslint`): the recommended
// rules, nothing switched off. Each file is declared as what it is: a
// browser script, a part of training.js, or a Node.js program.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Built, installed or generated: not ours to lint.
  { ignores: ["site/", "build/", "dist/", "node_modules/", "test-output/", ".cache/", ".venv/"] },
  js.configs.recommended,
  {
    // Plain scripts for the browser: the page's, the SCORM runtime's, the test harnesses'.
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: { ...globals.browser } }
  },
  {
    // The parts of training.js (mkdocs_training/scripts.py joins them): each
    // runs in a function of its own whose one outside name is `training`,
    // the object on which the parts export what the others use.
    files: ["docs/assets/javascripts/training/*.js"],
    languageOptions: { globals: { training: "readonly" } }
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } }
  },
  {
    // A Puppeteer driver: the functions it gives page.evaluate() run in the page.
    files: ["tests/engine_firefox.mjs"],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } }
  }
];
