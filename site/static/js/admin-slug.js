/**
 * Vietnamese slugs in the Wagtail admin: "Đoàn giám sát HĐND tỉnh" → "doan-giam-sat-hdnd-tinh".
 *
 * Wagtail's `w-slug` controller drops letters it has no map for (ỉ, ư, ậ...) and turns đ into
 * "dj". It runs `formatters` (its public `data-w-slug-formatters-value`) before slugifying, so we
 * hand it the server's fold (core/text/slugs.py, rendered as JSON by news/wagtail_hooks.py) and let it
 * do the rest: title → slug sync, the sync check, and the clean-up on leaving the slug field.
 */
(() => {
  const data = document.getElementById('vietnamese-slug-formatters');
  if (!data) return;
  const formatters = data.textContent;
  const attribute = 'data-w-slug-formatters-value';
  const selector = '[data-controller~="w-slug"]';

  const equip = (element) => {
    // A field built with its own formatters keeps them.
    if (element instanceof Element && element.matches(selector) && !element.hasAttribute(attribute)) {
      element.setAttribute(attribute, formatters);
    }
  };
  const equipAll = () => document.querySelectorAll(selector).forEach(equip);

  // Fields added later (modals, inline forms) are equipped the moment they are used: these
  // capturing listeners run before the controller's own actions on the field.
  ['focusin', 'blur', 'w-sync:check', 'w-sync:apply'].forEach((type) => {
    document.addEventListener(type, (event) => equip(event.target), true);
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', equipAll);
  } else {
    equipAll();
  }
})();
