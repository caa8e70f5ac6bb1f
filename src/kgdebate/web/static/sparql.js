// YASGUI for /sparql, offline: no request may leave this machine (style.md §5.5).
// Loaded as a static file because the Content-Security-Policy (default-src 'self') forbids
// inline scripts. Without YASGUI (not installed, or JavaScript off) the plain form stays.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("yasgui");
  if (!element || typeof window.Yasgui === "undefined") {
    return;
  }
  var endpoint = element.dataset.endpoint; // this app's own /sparql, a relative URL
  // The "class" and "property" completers call lov.linkeddata.es: keep only the local ones.
  window.Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  window.Yasgui.Yasqe.defaults.value = element.dataset.query;
  var yasgui = new window.Yasgui(element, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    // The defaults list DBpedia and Wikidata; offer this endpoint only.
    endpointCatalogueOptions: {
      getData: function () {
        return [{ endpoint: endpoint }];
      },
      keys: [],
    },
    // "open in the editor" links: /sparql#query=…&tabTitle=… opens a tab with that query, here.
    populateFromUrl: function (tab) {
      tab.requestConfig.endpoint = endpoint;
      return tab;
    },
    copyEndpointOnNewTab: false,
    persistenceId: null,
  });
  // A tablist may own only tabs (WAI-ARIA; axe-core fails the page otherwise): YASGUI's "+"
  // button moves beside its tab list. Its empty wrapper stays, as YASGUI inserts new tabs before it.
  element.querySelectorAll(".tabsList .addTab").forEach(function (button) {
    var list = button.closest(".tabsList");
    list.parentNode.insertBefore(button, list.nextSibling);
  });
  var form = document.getElementById("sparql-form");
  if (form) {
    form.hidden = true;
  }

  // An example (or any link to this editor) opens in a tab of its own, without reloading.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-editor]");
    if (!link) {
      return;
    }
    event.preventDefault();
    var params = new URLSearchParams(link.hash.slice(1));
    var tab = { yasqe: { value: params.get("query") } };
    if (params.get("tabTitle")) {
      tab.name = params.get("tabTitle");
    }
    yasgui.addTab(true, tab, { avoidDuplicateTabs: true });
    element.scrollIntoView();
  });

  // Result IRIs of this dataset link to their pages on this server, not to the base IRI's host.
  var base = element.dataset.base;
  var root = element.dataset.root;
  var served = ["id/", "vocab/", "def/"];
  function localise() {
    element.querySelectorAll("a[href]").forEach(function (link) {
      var iri = link.getAttribute("href");
      var path = iri.indexOf(base) === 0 ? iri.slice(base.length) : "";
      if (served.some(function (prefix) { return path.indexOf(prefix) === 0; })) {
        link.setAttribute("href", root + path);
      }
    });
  }
  // Every field has a name a screen reader says: YASGUI leaves the endpoint field and the
  // editor's input (CodeMirror's hidden textarea) unlabelled, in every tab it draws.
  function label() {
    element.querySelectorAll("input.autocomplete:not([aria-label])").forEach(function (input) {
      input.setAttribute("aria-label", "SPARQL endpoint");
    });
    element.querySelectorAll(".CodeMirror textarea:not([aria-label])").forEach(function (input) {
      input.setAttribute("aria-label", "SPARQL query");
    });
    element.querySelectorAll(".tab input[type=text]:not([aria-label])").forEach(function (input) {
      input.setAttribute("aria-label", "Tab name");
    });
    element.querySelectorAll("select.tableSizer:not([aria-label])").forEach(function (select) {
      select.setAttribute("aria-label", "Rows per page");
    });
    // A long query scrolls inside the editor: its scrolling box takes the keyboard's focus too.
    element.querySelectorAll(".CodeMirror-scroll[tabindex='-1']").forEach(function (box) {
      box.setAttribute("tabindex", "0");
    });
  }
  label();
  new MutationObserver(function () {
    localise();
    label();
  }).observe(element, { childList: true, subtree: true });
});
