// Wagtail's date pickers (the vendored jQuery datetimepicker) "validate" a typed date when
// the editor leaves the field, and rewrite it: 31/02/2026 silently became 03/03/2026 and was
// saved. Leave the typed text alone; the server reads dd/mm/yyyy (config/formats) and refuses
// an impossible date with a Vietnamese message. Picking a day in the calendar still works.
// The plugin's defaults object is shared by every picker Wagtail creates after this runs
// (Wagtail loads the plugin before global admin scripts); tests/browser/test_admin_dates.py
// fails if an upgrade moves it.
(function () {
  "use strict";
  var plugin = window.jQuery && window.jQuery.fn.datetimepicker;
  if (plugin && plugin.defaults) {
    plugin.defaults.validateOnBlur = false;
  }
})();
