// Functions AG Grid props name with {"function": "..."} (dash-ag-grid looks them up here).
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// CSV export: text a spreadsheet would run as a formula (= + - @, tab, carriage return)
// gets a leading ' (OWASP); numbers stay numbers. The same rule as warehouse.export.
dagfuncs.escapeFormula = function (params) {
  var value = params.value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) {
    return "'" + value;
  }
  return value;
};
