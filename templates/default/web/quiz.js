// The quiz score, the page's only script: "Check" marks each answer and opens each explanation.
// The page reads in full without it; every question keeps its own "Show the answer" too.
(function () {
  var form = document.getElementById("quiz-form");
  if (!form) return;
  var check = document.getElementById("quiz-check"), score = document.getElementById("quiz-score");
  check.hidden = false;
  function marks(show) {
    var qs = form.querySelectorAll("fieldset[data-key]"), right = 0;
    qs.forEach(function (q) {
      var key = q.getAttribute("data-key").split(" "), ok = true;
      q.querySelectorAll("input").forEach(function (input) {
        var label = input.closest("label"), mark = label.querySelector(".mark");
        var correct = key.indexOf(input.value) >= 0, state = "";
        if (correct !== input.checked) ok = false;
        if (show) state = input.checked ? (correct ? "right" : "wrong") : (correct ? "missed" : "");
        label.setAttribute("data-state", state);
        mark.textContent = state ? form.getAttribute("data-" + state) : "";
      });
      q.querySelector("details").open = show;
      if (ok) right += 1;
    });
    score.textContent = show ? form.getAttribute("data-score").replace("{right}", right).replace("{total}", qs.length) : "";
  }
  check.addEventListener("click", function () { marks(true); });
  form.addEventListener("reset", function () { setTimeout(function () { marks(false); }, 0); });
})();
