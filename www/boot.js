// A classic (non-module) script, so that it runs even where the page's modules cannot: if app.js
// has not started after a few seconds (the page opened as a file, or a browser without module
// support), say so in plain words instead of waiting forever.
(function () {
  "use strict";
  function explain() {
    if (window.newsmark) return;
    var status = document.getElementById("status");
    var alertBox = document.getElementById("alert");
    var message =
      location.protocol === "file:"
        ? "This page must be opened through a web server: browsers do not run its modules from a file. Run “npm start” in the project, or serve this folder with any static web server."
        : "The page could not start its scripts. Please use a current version of Firefox, Chrome, Edge or Safari.";
    if (status) status.textContent = "Not started.";
    if (alertBox) {
      var p = document.createElement("p");
      p.textContent = message;
      alertBox.replaceChildren ? alertBox.replaceChildren(p) : alertBox.appendChild(p);
      alertBox.hidden = false;
    }
  }
  if (location.protocol === "file:") {
    document.addEventListener("DOMContentLoaded", function () {
      setTimeout(explain, 300);
    });
  } else {
    window.addEventListener("load", function () {
      setTimeout(explain, 4000);
    });
  }
})();
