// The debate map of a document page: selecting a claim (a click, the keyboard's focus, or a link
// to its anchor) marks the claims it relates to, and says so to screen readers. A static file,
// as the Content-Security-Policy forbids inline scripts; without it, :target still marks the
// claim a link leads to.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var map = document.querySelector(".debate-map");
  if (!map) {
    return;
  }
  var status = map.querySelector(".dm-status");

  function select(box) {
    map.querySelectorAll(".claim-box.selected, .claim-box.related").forEach(function (marked) {
      marked.classList.remove("selected", "related");
    });
    if (!box) {
      return;
    }
    box.classList.add("selected");
    var related = (box.parentElement.dataset.related || "").split(" ").filter(Boolean);
    related.forEach(function (anchor) {
      var other = document.getElementById(anchor);
      if (other && other.classList.contains("claim-box")) {
        other.classList.add("related");
        var theme = other.closest("details");
        if (theme) {
          theme.open = true; // a related claim is never hidden in a folded theme
        }
      }
    });
    if (status) {
      status.textContent = box.id + " selected" +
        (related.length ? "; related: " + related.join(", ") : "; no related claim");
    }
  }

  map.addEventListener("focusin", function (event) {
    var box = event.target.closest(".claim-box");
    if (box) {
      select(box);
    }
  });
  map.addEventListener("click", function (event) {
    var box = event.target.closest(".claim-box");
    if (box) {
      select(box);
    }
  });
  function fromHash() {
    var box = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (box && box.classList.contains("claim-box")) {
      var theme = box.closest("details");
      if (theme) {
        theme.open = true;
      }
      select(box);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
});
