// html-validate settings for the built site (tests/test_browser.py).
// Every rule switched off here says why; anything else is an error.
module.exports = {
  extends: ["html-validate:standard"],
  rules: {
    // Material puts autocomplete="off" on its drawer and search toggles
    // (hidden checkboxes) so that Firefox does not restore them open after
    // a reload. The attribute is not allowed on checkboxes, but it is
    // harmless and deliberate; removing it would bring the bug back.
    "valid-autocomplete": "off",
  },
};
