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

// AG Grid's own texts (pager "1 to 20 of 1,900", filters) in the page's language: the
// shell's grid locale (app.i18n.grid_locale), set with <html lang> by assets/a11y.js.
dagfuncs.localeText = function (params) {
  var lang = document.documentElement.lang || "ko";
  var table = (window.carsight && window.carsight.gridLocale) || {};
  var texts = table[lang] || {};
  return texts[params.key] !== undefined ? texts[params.key] : params.defaultValue;
};
