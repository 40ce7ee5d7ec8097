// --- Supplier scorecard: CSV ------------------------------------------------

// The scorecard's export and import (65-scorecard.js) in the CSV that
// spreadsheets read and write.

// CSV as spreadsheets write it: fields in double quotes when they hold a
// comma, a quote or a line break; quotes doubled.
function csvField(value) {
  var text = String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet: keep it text.
  if (/^[=+\-@]/.test(text)) {
    text = "'" + text;
  }
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// Rows of fields, with the line each row starts on (for messages). `separator`
// is "," or ";": a spreadsheet set to Italian saves a CSV with semicolons.
function csvRows(text, separator) {
  var rows = [];
  var row = [];
  var field = "";
  var quoted = false;
  var line = 1;
  var start = 1;
  text = text.replace(/^\uFEFF/, "");
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === "\n") {
          line++;
        }
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") {
        i++;
      }
      row.push(field);
      rows.push({ line: start, fields: row });
      row = [];
      field = "";
      line++;
      start = line;
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push({ line: start, fields: row });
  }
  return rows.filter(function (r) {
    return r.fields.join("") !== "";
  });
}

training.csv = { field: csvField, rows: csvRows };
