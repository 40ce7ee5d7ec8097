// html-validate settings for the built site (tests/test_browser.py).
// Every rule switched off here says why; anything else is an error.
// (None is: overrides/base.html dropped Material's autocomplete="off" on
// its checkboxes, which the rule "valid-autocomplete" reported.)
module.exports = {
  extends: ["html-validate:standard"],
  rules: {},
};
