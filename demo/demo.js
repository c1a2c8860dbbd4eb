// The demo page's language switch. It owns only the page around the widgets: it sets
// <html lang>, points both widgets at the feed for that language and translates the page's own
// text. The widgets translate themselves: they follow <html lang> and re-render when it changes.
//
// The switch offers every locale the widgets ship (the <select> in index.html lists them; its
// options are the list). The page itself exists in Russian and English only, and so do the sample
// feeds: Russian for ru, English for every other language. Where the page's text is English under
// another language, each translated element says so with lang="en" — never an ancestor of the
// widgets, which would then speak English too. Nothing here sets `dir`: for Arabic and Hebrew the
// widgets turn right to left by themselves, and the English page around them stays left to right.
//
// The choice lives in the URL (?lang=kk), so a link or a screenshot can open any language.
// An external module with no inline code, so the page works under `script-src 'self'`.

const FEEDS = {
  ru: 'feeds/news.ru.json',
  en: 'feeds/news.en.json',
};

const DEFAULT_LANG = 'ru';
const WIDGETS = 'featured-story, recent-posts';

/** The page's own strings, by `data-i18n` / `data-i18n-aria-label` key. */
const STRINGS = {
  ru: {
    pageTitle: 'Новости — Правительство Северореченской области',
    metaDescription:
      'Демонстрация веб-компонентов news-widgets: тема дня и последние новости вымышленной Северореченской области.',
    skipLink: 'Перейти к содержанию',
    demoNote: 'Демонстрационный сайт: регион и события вымышлены',
    siteName: 'Правительство Северореченской области',
    siteTagline: 'Официальный сайт',
    mainNav: 'Основное меню',
    navHome: 'Главная',
    navNews: 'Новости',
    navDocuments: 'Документы',
    navAuthorities: 'Органы власти',
    navAppeals: 'Обращения граждан',
    navContacts: 'Контакты',
    breadcrumbs: 'Навигационная цепочка',
    pageHeading: 'Новости',
    footerDisclaimer:
      'Демонстрационная страница библиотеки news-widgets. Регион, организации, люди и события вымышлены; совпадения случайны.',
    footerFeeds:
      'Новости на этой странице загружаются из ленты в формате JSON Feed компонентами <featured-story> и <recent-posts>.',
    footerTheming: 'Оформление виджетов: раскладки, темы и свойства --news-* с кодом для вставки',
  },
  en: {
    pageTitle: 'News — Government of the Severorechensk Region',
    metaDescription:
      'A demo of the news-widgets web components: the story of the day and the latest news of the fictional Severorechensk Region.',
    skipLink: 'Skip to content',
    demoNote: 'Demo website: the region and events are fictional',
    siteName: 'Government of the Severorechensk Region',
    siteTagline: 'Official website',
    mainNav: 'Main menu',
    navHome: 'Home',
    navNews: 'News',
    navDocuments: 'Documents',
    navAuthorities: 'Authorities',
    navAppeals: 'Public enquiries',
    navContacts: 'Contacts',
    breadcrumbs: 'Breadcrumb',
    pageHeading: 'News',
    footerDisclaimer:
      'Demo page of the news-widgets library. The region, organisations, people and events are fictional; any resemblance is coincidental.',
    footerFeeds:
      'The news on this page is loaded from a JSON Feed by the <featured-story> and <recent-posts> components.',
    footerTheming: 'Widget theming: layouts, themes and --news-* properties, with the code to copy',
  },
};

const select = document.getElementById('lang-select');

/** The languages on offer: the switch's options (ru, en, uk, …, zh-Hant, ar, he). */
const LANGUAGES = new Set([...select.options].map((option) => option.value));
/** The options by their lowercase value, as ?lang= is read: `zh-hant` is `zh-Hant`. */
const BY_LOWERCASE = new Map([...LANGUAGES].map((lang) => [lang.toLowerCase(), lang]));

/** The language of the page's own text and of the feed: Russian for ru, English for the rest. */
const pageLanguage = (lang) => (lang === 'ru' ? 'ru' : 'en');

/**
 * ?lang=kk, ?lang=KK and ?lang=kk-KZ all mean kk; ?lang=zh-TW (HK, MO) means zh-Hant, as it does to
 * the widgets (src/i18n/locale-match.ts); anything else, the default.
 */
function langFromUrl() {
  const wanted = new URL(location.href).searchParams.get('lang')?.toLowerCase() ?? '';
  const traditional = /^zh[-_](tw|hk|mo)\b/.test(wanted) ? 'zh-hant' : '';
  for (const lang of [wanted, traditional, wanted.split(/[-_]/)[0]]) if (BY_LOWERCASE.has(lang)) return BY_LOWERCASE.get(lang);
  return DEFAULT_LANG;
}

/** The page's address for `lang`, other query parameters and the hash kept. */
function urlFor(lang) {
  const url = new URL(location.href);
  if (lang === DEFAULT_LANG) url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  return url.href;
}

/**
 * Marks an element whose text was just translated: lang="en" when that differs from the page's
 * language (English text on a Kazakh page), no attribute when it inherits the right one. The
 * elements with data-i18n have no `lang` of their own in the markup, so removing it loses nothing.
 * An element around a widget is never marked: the widget would take its language from it.
 */
function markLanguage(el, textLang, lang) {
  if (textLang !== lang && !el.querySelector(WIDGETS)) el.setAttribute('lang', textLang);
  else el.removeAttribute('lang');
}

function applyLanguage(lang) {
  const textLang = pageLanguage(lang);
  const strings = STRINGS[textLang];
  // Only what differs is written: on the Russian page as served, nothing is, so the page's first
  // layout is not redone for identical text.
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;

  if (document.title !== strings.pageTitle) document.title = strings.pageTitle;
  const title = document.querySelector('title');
  if (title) markLanguage(title, textLang, lang);
  const description = document.querySelector('meta[name="description"]');
  if (description) {
    description.setAttribute('content', strings.metaDescription);
    markLanguage(description, textLang, lang);
  }

  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = strings[el.dataset.i18n];
    if (text === undefined) continue;
    if (el.textContent !== text) el.textContent = text;
    markLanguage(el, textLang, lang);
  }
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    const text = strings[el.dataset.i18nAriaLabel];
    if (text === undefined) continue;
    if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
    markLanguage(el, textLang, lang);
  }

  // Links to the demo's other pages (the theming page) keep the language.
  for (const link of document.querySelectorAll('a[data-keep-lang]')) {
    const url = new URL(link.href);
    if (lang === DEFAULT_LANG) url.searchParams.delete('lang');
    else url.searchParams.set('lang', lang);
    if (link.href !== url.href) link.href = url.href;
  }

  // Both widgets share one src, so they share one request; an unchanged src fetches nothing.
  for (const widget of document.querySelectorAll(WIDGETS)) {
    if (widget.getAttribute('src') !== FEEDS[textLang]) widget.setAttribute('src', FEEDS[textLang]);
  }

  if (select.value !== lang) select.value = lang;
}

// Applied on change, in place: focus stays on the switch, so a keyboard user can go on choosing.
// replaceState, not pushState: browsers that fire `change` on every arrow key in a closed <select>
// would otherwise leave one history entry per language passed on the way.
select.addEventListener('change', () => {
  const lang = select.value;
  if (!LANGUAGES.has(lang) || lang === document.documentElement.lang) return;
  history.replaceState(history.state, '', urlFor(lang));
  applyLanguage(lang);
});

window.addEventListener('popstate', () => applyLanguage(langFromUrl()));

applyLanguage(langFromUrl());
