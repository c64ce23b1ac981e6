/* "In bài viết" / "In báo cáo": the buttons marked data-print open the print dialog. An
   event listener in a file rather than onclick="": the Content-Security-Policy refuses
   inline handlers. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
