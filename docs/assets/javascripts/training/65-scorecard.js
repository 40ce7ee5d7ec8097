// --- Supplier scorecard -----------------------------------------------------

// The form comes from the build (mkdocs_training/scorecard.py) with a radio
// group per criterion; without script it is a blank form to print. Here it
// gets a note field per criterion, the total and the weakest criteria,
// storage in this browser, CSV export and import, and printing. Its strings
// are the form's data- attributes (locales/<lang>.yml, scorecard:).
var core = training.core;
var format = core.format;
var isObject = training.progress.isObject;
var isCount = training.progress.isCount;
var csvField = training.csv.field;
var csvRows = training.csv.rows;
var DETAILS = ["supplier", "date", "scorer"];

// What is stored may be anything (another version, a hand edit): keep only
// known criteria with a score 0-3 and text notes.
function storedScorecard(ids) {
  var stored;
  try {
    stored = JSON.parse(core.read("scorecard"));
  } catch {
    stored = null;
  }
  var clean = { details: {}, scores: {}, notes: {} };
  if (!isObject(stored)) {
    return clean;
  }
  DETAILS.forEach(function (key) {
    if (isObject(stored.details) && typeof stored.details[key] === "string") {
      clean.details[key] = stored.details[key];
    }
  });
  ids.forEach(function (id) {
    var score = isObject(stored.scores) ? stored.scores[id] : null;
    if (isCount(score) && score <= 3) {
      clean.scores[id] = score;
    }
    if (isObject(stored.notes) && typeof stored.notes[id] === "string") {
      clean.notes[id] = stored.notes[id];
    }
  });
  return clean;
}

function setUpScorecard() {
  var form = document.querySelector("form[data-training-scorecard]");
  if (!form) {
    return;
  }
  var ui = form.dataset;
  var criteria = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-criterion]"));
  var ids = criteria.map(function (fieldset) {
    return fieldset.getAttribute("data-criterion");
  });
  var total = form.querySelector("[data-training-scorecard-total]");
  var weakest = form.querySelector("[data-training-scorecard-weakest]");
  var status = form.querySelector("[data-training-scorecard-status]");

  // A note field per criterion, labelled with its name.
  criteria.forEach(function (fieldset) {
    var id = fieldset.getAttribute("data-criterion");
    var holder = fieldset.querySelector("[data-training-notes]");
    var label = document.createElement("label");
    label.setAttribute("for", "scorecard-" + id + "-notes");
    label.textContent = format(ui.notes, { name: fieldset.getAttribute("data-name") });
    var area = document.createElement("textarea");
    area.id = "scorecard-" + id + "-notes";
    area.name = "notes-" + id;
    area.rows = 2;
    holder.appendChild(label);
    holder.appendChild(area);
  });

  function current() {
    var state = { details: {}, scores: {}, notes: {} };
    DETAILS.forEach(function (key) {
      state.details[key] = form.elements[key].value;
    });
    criteria.forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      var chosen = fieldset.querySelector("input[type=radio]:checked");
      if (chosen) {
        state.scores[id] = Number(chosen.value);
      }
      state.notes[id] = form.elements["notes-" + id].value;
    });
    return state;
  }

  function fill(state) {
    DETAILS.forEach(function (key) {
      form.elements[key].value = state.details[key] || "";
    });
    criteria.forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      fieldset.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = state.scores[id] === Number(radio.value);
      });
      form.elements["notes-" + id].value = state.notes[id] || "";
    });
  }

  // The total of the scored criteria, and the lowest of them (ties listed together).
  function summarise() {
    var state = current();
    var scored = ids.filter(function (id) {
      return id in state.scores;
    });
    var sum = scored.reduce(function (all, id) {
      return all + state.scores[id];
    }, 0);
    total.textContent = format(ui.total, { score: sum, max: ui.max }) + ". " +
      format(ui.scored, { scored: scored.length, count: ids.length }) + ".";
    if (!scored.length) {
      weakest.textContent = ui.weakestNone;
      return state;
    }
    var lowest = Math.min.apply(null, scored.map(function (id) { return state.scores[id]; }));
    var names = criteria.filter(function (fieldset) {
      return state.scores[fieldset.getAttribute("data-criterion")] === lowest;
    }).map(function (fieldset) {
      return fieldset.getAttribute("data-name") + " (" + lowest + ")";
    });
    weakest.textContent = format(ui.weakest, { names: names.join(", ") });
    return state;
  }

  function save() {
    core.write("scorecard", JSON.stringify(summarise()));
  }

  function toCsv(state) {
    var lines = [["id", "name", "score", "notes"]];
    DETAILS.forEach(function (key) {
      lines.push([key, ui[key], "", state.details[key] || ""]);
    });
    criteria.forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      lines.push([id, fieldset.getAttribute("data-name"), id in state.scores ? state.scores[id] : "",
        state.notes[id] || ""]);
    });
    return lines.map(function (fields) {
      return fields.map(csvField).join(",");
    }).join("\r\n") + "\r\n";
  }

  // The whole file is checked before anything changes: a wrong file leaves the form as it was.
  function fromCsv(text) {
    var separator = /^\uFEFF?[^\r\n,]*;/.test(text) ? ";" : ",";
    var rows = csvRows(text, separator);
    var header = rows.length ? rows[0].fields.join(",").toLowerCase() : "";
    if (header !== "id,name,score,notes") {
      throw new Error(ui.badHeader);
    }
    var state = { details: {}, scores: {}, notes: {} };
    rows.slice(1).forEach(function (row) {
      var id = row.fields[0];
      var score = (row.fields[2] || "").trim();
      var notes = (row.fields[3] || "").replace(/^'(?=[=+\-@])/, "");
      if (DETAILS.indexOf(id) >= 0) {
        state.details[id] = notes;
      } else if (ids.indexOf(id) >= 0) {
        if (score !== "" && !/^[0-3]$/.test(score)) {
          throw new Error(format(ui.badScore, { line: row.line }));
        }
        if (score !== "") {
          state.scores[id] = Number(score);
        }
        state.notes[id] = notes;
      } else {
        throw new Error(format(ui.badId, { line: row.line, id: id }));
      }
    });
    return state;
  }

  function exportCsv() {
    var state = current();
    var name = (state.details.supplier || "supplier").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "") || "supplier";
    var link = document.createElement("a");
    // A BOM, so that spreadsheets read the accents as UTF-8.
    link.href = URL.createObjectURL(new Blob(["\uFEFF" + toCsv(state)], { type: "text/csv;charset=utf-8" }));
    link.download = "scorecard-" + name + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  var picker = document.createElement("input");
  picker.type = "file";
  picker.accept = ".csv,text/csv";
  picker.hidden = true;
  picker.setAttribute("data-training-scorecard-file", "");
  picker.setAttribute("aria-label", ui.import);
  form.appendChild(picker);
  picker.addEventListener("change", function () {
    var file = picker.files && picker.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      try {
        fill(fromCsv(String(reader.result)));
        save();
        status.textContent = format(ui.imported, { file: file.name });
      } catch (error) {
        status.textContent = format(ui.importError, { file: file.name, reason: error.message });
      }
      picker.value = "";
    };
    reader.readAsText(file);
  });

  var actions = {
    print: function () {
      window.print();
    },
    export: exportCsv,
    import: function () {
      picker.click();
    },
    clear: function () {
      fill({ details: {}, scores: {}, notes: {} });
      save();
      status.textContent = ui.cleared;
    }
  };
  form.querySelectorAll("[data-training-scorecard-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      actions[button.getAttribute("data-training-scorecard-action")]();
    });
  });
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  fill(storedScorecard(ids));
  summarise();
}

training.scorecard = { setUp: setUpScorecard };
