/* Tin đọc nhiều: tell the server once that this article was shown to a reader.
 * The page may come from a full-page cache, so counting happens here, not in the view.
 * Plain ES5 for old office browsers: sendBeacon where it exists, else an XHR POST. */
(function () {
  "use strict";
  var script = document.getElementById("view-count");
  if (!script || !window.XMLHttpRequest) {
    return;
  }
  var url = script.getAttribute("data-url");
  var sent = false;

  function send() {
    if (sent) {
      return;
    }
    sent = true;
    if (navigator.sendBeacon) {
      try {
        if (navigator.sendBeacon(url, "")) {
          return;
        }
      } catch (error) {
        /* fall back to XHR below */
      }
    }
    var request = new XMLHttpRequest();
    request.open("POST", url, true);
    request.send("");
  }

  // A page pre-rendered in the background is not read until it is shown.
  if (document.visibilityState === "prerender" || document.visibilityState === "hidden") {
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        send();
      }
    });
  } else {
    send();
  }
})();
