(function () {
  "use strict";
  var input = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var years = Array.prototype.slice.call(document.querySelectorAll("section.year"));
  input.hidden = false;
  input.addEventListener("input", function () {
    var query = input.value.trim().toLowerCase();
    var count = 0;
    events.forEach(function (el) {
      var hit = !query || el.textContent.toLowerCase().indexOf(query) !== -1;
      el.hidden = !hit;
      if (hit) { count += 1; }
    });
    years.forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    shown.textContent = String(count);
  });
})();
