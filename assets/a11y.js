// Accessibility and language fixes for parts Dash's own components render without a way
// to set them from Python (WCAG 2 A/AA, checked by tests/e2e/test_accessibility.py):
// - <html lang> and the tab title follow the language toggle (window.carsight.setLanguage,
//   called by the shell's clientside callback);
// - DataTable's icon-only pager buttons get names and its filter case toggle a tooltip in
//   the page's language; its scrolling containers can be focused (keyboard users can
//   scroll them);
// - dcc.Dropdown's hidden focus target leaves the tab order; its clear link is a button.
(function () {
  var NAMES = {
    ko: {"first-page": "첫 페이지", "previous-page": "이전 페이지", "next-page": "다음 페이지",
         "last-page": "마지막 페이지", "table": "표 (가로 스크롤)",
         "case": "필터 대소문자 구분 켜기/끄기"},
    en: {"first-page": "First page", "previous-page": "Previous page", "next-page": "Next page",
         "last-page": "Last page", "table": "Table (scrolls sideways)",
         "case": "Toggle filter case sensitivity"}
  };
  // plotly's mode bar tooltips (it has no Korean of its own)
  var MODEBAR_KO = {
    "Download plot as a PNG": "PNG 이미지로 저장", "Download plot as a png": "PNG 이미지로 저장",
    "Share chart...": "차트 공유...", "Autoscale": "자동 배율", "Reset axes": "축 초기화",
    "Zoom": "확대", "Pan": "이동", "Zoom in": "확대", "Zoom out": "축소",
    "Show closest data on hover": "가장 가까운 값 표시", "Compare data on hover": "값 비교",
    "Toggle Spike Lines": "기준선 켜기/끄기", "Reset view": "보기 초기화"
  };
  var state = {lang: document.documentElement.lang || "ko", titles: null};

  function names() { return NAMES[state.lang] || NAMES.ko; }

  function fix(root) {
    var n = names();
    root.querySelectorAll(".previous-next-container button").forEach(function (b) {
      for (var cls in n) {
        if (b.classList.contains(cls) && b.getAttribute("aria-label") !== n[cls]) {
          b.setAttribute("aria-label", n[cls]);
        }
      }
    });
    root.querySelectorAll(".modebar-btn[data-title]").forEach(function (b) {
      var en = b.getAttribute("data-title-en") || b.getAttribute("data-title");
      if (!b.hasAttribute("data-title-en")) { b.setAttribute("data-title-en", en); }
      var want = state.lang === "ko" ? (MODEBAR_KO[en] || en) : en;
      if (b.getAttribute("data-title") !== want) { b.setAttribute("data-title", want); }
      // plotly also names the button (aria-label) with the English title
      if (b.hasAttribute("aria-label") && b.getAttribute("aria-label") !== want) {
        b.setAttribute("aria-label", want);
      }
    });
    // DataTable's filter case toggle (its tooltip is fixed English)
    root.querySelectorAll("input.dash-filter--case").forEach(function (b) {
      if (b.getAttribute("title") !== n["case"]) { b.setAttribute("title", n["case"]); }
    });
    // the navigation toggle's fixed English name
    root.querySelectorAll(".navbar-toggler").forEach(function (b) {
      var name = state.lang === "en" ? "Toggle navigation" : "메뉴 열기/닫기";
      if (b.getAttribute("aria-label") !== name) { b.setAttribute("aria-label", name); }
    });
    // the language button names the other language, in that language
    var toggle = document.getElementById("app-lang-toggle");
    if (toggle) {
      var other = state.lang === "en" ? "ko" : "en";
      if (toggle.getAttribute("lang") !== other) { toggle.setAttribute("lang", other); }
    }
    root.querySelectorAll(".dash-spreadsheet-container").forEach(function (c) {
      if (!c.hasAttribute("tabindex")) { c.setAttribute("tabindex", "0"); }
      if (c.getAttribute("aria-label") !== n.table) {
        c.setAttribute("role", "region");
        c.setAttribute("aria-label", n.table);
      }
    });
    root.querySelectorAll(".dash-dropdown-focus-target").forEach(function (i) {
      if (i.getAttribute("tabindex") !== "-1") { i.setAttribute("tabindex", "-1"); }
    });
    // dcc.Upload's hidden file input: named by the drop zone's text
    root.querySelectorAll("input[type=file]").forEach(function (i) {
      var zone = i.parentElement, text = zone ? zone.textContent.trim() : "";
      if (text && i.getAttribute("aria-label") !== text) { i.setAttribute("aria-label", text); }
    });
    root.querySelectorAll("a.dash-dropdown-clear:not([role])").forEach(function (a) {
      a.setAttribute("role", "button");
    });
    applyTitle();
  }

  function applyTitle() {
    if (!state.titles) { return; }
    var want = state.titles[state.lang] || state.titles.ko;
    if (document.title !== want && document.title !== "Updating...") { document.title = want; }
  }

  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; fix(document); });
  }

  window.carsight = window.carsight || {};
  window.carsight.setLanguage = function (lang, titles, gridLocale) {
    state.lang = lang === "en" ? "en" : "ko";
    if (titles) { state.titles = titles; }
    if (gridLocale) { window.carsight.gridLocale = gridLocale; }
    document.documentElement.setAttribute("lang", state.lang);
    fix(document);
    return state.lang;
  };

  function start() {
    new MutationObserver(schedule).observe(document.documentElement, {
      childList: true, subtree: true, characterData: true
    });
    fix(document);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();

// The shell's clientside callback (app.factory): language -> <html lang> and tab title.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  carsight: {
    setLanguage: function (lang, titles, gridLocale) {
      return window.carsight.setLanguage(lang, titles, gridLocale);
    }
  }
});
