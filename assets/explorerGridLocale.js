// The market explorer's source grid asks AG Grid for its own texts (pager, filters)
// through localeText(params) in the page's language. The shell's grid locale
// (window.carsight.gridLocale, by language) supplies them where it is installed; until
// then, and for a text it lacks, AG Grid's default stands. An earlier definition (the
// shared one in dashAgGridFunctions.js) wins.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

dagfuncs.localeText =
  dagfuncs.localeText ||
  function (params) {
    var lang = document.documentElement.lang || "ko";
    var table = (window.carsight && window.carsight.gridLocale) || {};
    var texts = table[lang] || {};
    return texts[params.key] !== undefined ? texts[params.key] : params.defaultValue;
  };
