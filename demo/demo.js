// The demo page's language switch. It owns only the page around the widgets: it sets
// <html lang>, points both widgets at the feed in that language and translates the page's own
// text. The widgets translate themselves: they follow <html lang> and re-render when it changes.
//
// The choice lives in the URL (?lang=en), so a link or a screenshot can open either language.
// An external module with no inline code, so the page works under `script-src 'self'`.

const FEEDS = {
  ru: 'feeds/news.ru.json',
  en: 'feeds/news.en.json',
};

const DEFAULT_LANG = 'ru';

/** The page's own strings, by `data-i18n` / `data-i18n-aria-label` key. */
const STRINGS = {
  ru: {
    pageTitle: 'Новости — Правительство Северореченской области',
    metaDescription:
      'Демонстрация веб-компонентов news-widgets: тема дня и последние новости вымышленной Северореченской области.',
    skipLink: 'Перейти к содержанию',
    demoNote: 'Демонстрационный сайт: регион и события вымышлены',
    langSwitch: 'Язык / Language',
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
  },
  en: {
    pageTitle: 'News — Government of the Severorechensk Region',
    metaDescription:
      'A demo of the news-widgets web components: the story of the day and the latest news of the fictional Severorechensk Region.',
    skipLink: 'Skip to content',
    demoNote: 'Demo website: the region and events are fictional',
    langSwitch: 'Language / Язык',
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
  },
};

const isSupported = (lang) => Object.hasOwn(STRINGS, lang);

function langFromUrl() {
  const lang = new URL(location.href).searchParams.get('lang');
  return lang && isSupported(lang.toLowerCase()) ? lang.toLowerCase() : DEFAULT_LANG;
}

/** The page's address for `lang`, other query parameters and the hash kept. */
function urlFor(lang) {
  const url = new URL(location.href);
  if (lang === DEFAULT_LANG) url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  return url.href;
}

function applyLanguage(lang) {
  const strings = STRINGS[lang];
  const root = document.documentElement;
  root.lang = lang;
  document.title = strings.pageTitle;
  document.querySelector('meta[name="description"]')?.setAttribute('content', strings.metaDescription);

  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = strings[el.dataset.i18n];
    if (text !== undefined) el.textContent = text;
  }
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    const text = strings[el.dataset.i18nAriaLabel];
    if (text !== undefined) el.setAttribute('aria-label', text);
  }

  for (const widget of document.querySelectorAll('featured-story, recent-posts')) {
    if (widget.getAttribute('src') !== FEEDS[lang]) widget.setAttribute('src', FEEDS[lang]);
  }

  for (const link of document.querySelectorAll('.lang-switch [data-lang]')) {
    link.href = urlFor(link.dataset.lang);
    if (link.dataset.lang === lang) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // new tab/window
  const link = event.target instanceof Element ? event.target.closest('.lang-switch [data-lang]') : null;
  if (!link) return;
  event.preventDefault();
  const lang = link.dataset.lang;
  if (lang === document.documentElement.lang) return;
  history.pushState({ lang }, '', urlFor(lang));
  applyLanguage(lang);
});

window.addEventListener('popstate', () => applyLanguage(langFromUrl()));

applyLanguage(langFromUrl());
