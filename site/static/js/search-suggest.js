/*
 * Suggestions as you type, for every search box with a data-suggest attribute.
 *
 * Progressive enhancement: the boxes are plain GET forms to /tim-kiem/ and work without
 * this script. With it, the box becomes an ARIA 1.2 combobox with a listbox popup:
 * arrow keys move through the suggestions (aria-activedescendant keeps focus in the
 * box), Enter opens the chosen one, Escape closes the list. Any network or server error
 * simply shows no suggestions. No framework, no build step, ES2017 at most.
 *
 * data-suggest       the endpoint (/api/v1/search/suggest), answering
 *                    {"suggestions": [{"text", "url", "type"}]}
 * data-suggest-text  the words the script shows, as JSON (translated by the template)
 */
(function () {
  "use strict";

  if (!window.fetch || !document.querySelectorAll || !window.JSON) {
    return;
  }

  var DELAY = 200; // ms after the last keystroke before asking the server
  var MIN_LENGTH = 2;
  var counter = 0;

  function readWords(input) {
    try {
      return JSON.parse(input.getAttribute("data-suggest-text") || "{}");
    } catch (error) {
      return {};
    }
  }

  function setup(input) {
    var endpoint = input.getAttribute("data-suggest");
    if (!endpoint || input.getAttribute("data-suggest-ready")) {
      return;
    }
    input.setAttribute("data-suggest-ready", "1");
    counter += 1;
    var words = readWords(input);
    var types = words.types || {};
    var listId = (input.id || "search-" + counter) + "-suggestions";

    var host = document.createElement("div");
    host.className = "suggest";
    input.parentNode.insertBefore(host, input);
    host.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", words.list || "");
    list.hidden = true;
    host.appendChild(list);

    // Tells screen reader users how many suggestions appeared (the list itself is not
    // announced while focus stays in the box).
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    host.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var sequence = 0;
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!items.length) {
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", options[index].id);
      if (options[index].scrollIntoView) {
        options[index].scrollIntoView({ block: "nearest" });
      }
    }

    function go(index) {
      var item = items[index];
      if (item && item.url) {
        window.location.assign(item.url);
      }
    }

    function render(suggestions) {
      items = suggestions;
      active = -1;
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "suggest__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var text = document.createElement("span");
        text.className = "suggest__text";
        text.textContent = item.text;
        option.appendChild(text);
        if (types[item.type]) {
          var kind = document.createElement("span");
          kind.className = "suggest__type";
          kind.textContent = types[item.type];
          option.appendChild(document.createTextNode(" "));
          option.appendChild(kind);
        }
        // mousedown, not click: the box must not lose focus (and close the list) first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(index);
        });
        list.appendChild(option);
      });
      if (suggestions.length) {
        status.textContent = (words.count || "{n}").replace("{n}", String(suggestions.length));
        open();
      } else {
        status.textContent = "";
        close();
      }
    }

    function fetchSuggestions(query) {
      sequence += 1;
      var mine = sequence;
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new window.AbortController() : null;
      var url = endpoint + (endpoint.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
      window
        .fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller ? controller.signal : undefined,
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (data) {
          // An older, slower answer must not replace a newer one.
          if (mine !== sequence || input.value.trim() !== query) {
            return;
          }
          var suggestions = data && Array.isArray(data.suggestions) ? data.suggestions : [];
          render(suggestions);
        })
        .catch(function () {
          if (mine === sequence) {
            render([]);
          }
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        sequence += 1; // forget any answer still on its way
        render([]);
        return;
      }
      timer = window.setTimeout(function () {
        fetchSuggestions(query);
      }, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "ArrowDown" || key === "Down") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        open();
        highlight(active + 1 >= items.length ? 0 : active + 1);
      } else if (key === "ArrowUp" || key === "Up") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        open();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (key === "Enter") {
        // Without a chosen suggestion, Enter submits the form as usual.
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (key === "Escape" || key === "Esc") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", close);
    input.addEventListener("focus", function () {
      if (input.value.trim().length >= MIN_LENGTH) {
        open();
      }
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i += 1) {
      setup(inputs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
