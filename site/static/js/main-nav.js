/* The main menu is a <details> left open in the HTML (it works without JavaScript); on a
   phone it starts folded, and it follows the window across the 48em breakpoint. Loaded
   right after the menu, without defer, so that a phone never shows it open first. A file,
   not an inline script: the Content-Security-Policy allows scripts from this origin only. */
(function () {
  var menu = document.getElementById("main-nav-menu");
  if (!menu || !window.matchMedia) { return; }
  var wide = window.matchMedia("(min-width: 48em)");
  function sync() { menu.open = wide.matches; }
  sync();
  if (wide.addEventListener) { wide.addEventListener("change", sync); }
  else if (wide.addListener) { wide.addListener(sync); }
})();
