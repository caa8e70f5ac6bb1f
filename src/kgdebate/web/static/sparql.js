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
  new window.Yasgui(element, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    // The defaults list DBpedia and Wikidata; offer this endpoint only.
    endpointCatalogueOptions: {
      getData: function () {
        return [{ endpoint: endpoint }];
      },
      keys: [],
    },
    copyEndpointOnNewTab: false,
    persistenceId: null,
  });
  var form = document.getElementById("sparql-form");
  if (form) {
    form.hidden = true;
  }
});
