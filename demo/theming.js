// The demo's theming page: controls for the layout, the theme, the language and every --news-*
// custom property, applied live to the two widgets of the preview, and the HTML and CSS to copy.
//
// It only drives the public styling API, as a site would: attributes on the elements, and the
// --news-* properties set on an ancestor of both (the preview's stage). A property is "set" only
// once its control has been changed; until then the widgets' own defaults apply and the CSS
// snippet leaves it out, so the snippet holds exactly what differs from the defaults.
//
// Like demo.js, an external module that builds its controls with DOM methods and styles through
// the CSSOM (style.setProperty), so the page works under the demo's strict CSP and Trusted Types:
// no inline code or styles, no HTML parsed from strings. The page's own text is Russian, or English
// with ?lang=en; any other shipped locale in ?lang= (?lang=ar) opens the English page with the
// widgets in that language, so index.html can link here keeping its language.

const FEEDS = {
  ru: 'feeds/news.ru.json',
  en: 'feeds/news.en.json',
};
const DEFAULT_LANG = 'ru';
const WIDGETS = 'featured-story, recent-posts';

/**
 * Every public custom property, in the order and groups of the designers' guide, with the control
 * that edits it. `initial` is where a control starts (and returns on reset); the property is not set
 * until the control changes. Sizes are in em, like the widgets' own defaults.
 */
const FONTS = [
  ['', 'fontDefault'],
  ['system-ui, sans-serif', 'fontSystem'],
  ['"PT Sans", "Noto Sans", Arial, sans-serif', 'fontSans'],
  ['Georgia, "Times New Roman", serif', 'fontSerif'],
  ['ui-monospace, "Cascadia Mono", monospace', 'fontMono'],
];

const TOKEN_GROUPS = [
  {
    id: 'type',
    tokens: [
      { name: 'font-family', kind: 'font', initial: '' },
      { name: 'heading-font-family', kind: 'font', initial: '' },
      { name: 'font-size', kind: 'range', unit: 'em', min: 0.75, max: 1.5, step: 0.0625, initial: 1 },
      { name: 'heading-size', kind: 'range', unit: 'em', min: 0.75, max: 2.5, step: 0.0625, initial: 1.25 },
      { name: 'title-size', kind: 'range', unit: 'em', min: 0.75, max: 3, step: 0.0625, initial: 1.0625 },
      { name: 'small-size', kind: 'range', unit: 'em', min: 0.625, max: 1.25, step: 0.0625, initial: 0.875 },
      { name: 'line-height', kind: 'range', unit: '', min: 1, max: 2.2, step: 0.05, initial: 1.5 },
    ],
  },
  {
    id: 'colours',
    // Start values of the colour pickers: the light palette's (an <input type=color> cannot be empty).
    tokens: [
      { name: 'text-color', kind: 'color', initial: '#1b1f24' },
      { name: 'muted-color', kind: 'color', initial: '#57606a' },
      { name: 'link-color', kind: 'color', initial: '#0a58ca' },
      { name: 'link-hover-color', kind: 'color', initial: '#06357a' },
      { name: 'background', kind: 'color', initial: '#ffffff' },
      { name: 'surface', kind: 'color', initial: '#f4f6f8' },
      { name: 'border-color', kind: 'color', initial: '#c9d1d9' },
      { name: 'focus-ring-color', kind: 'color', initial: '#0a58ca' },
    ],
  },
  {
    id: 'shape',
    tokens: [
      { name: 'gap', kind: 'range', unit: 'em', min: 0, max: 3, step: 0.125, initial: 1 },
      { name: 'padding', kind: 'range', unit: 'em', min: 0, max: 3, step: 0.125, initial: 0 },
      { name: 'radius', kind: 'range', unit: 'em', min: 0, max: 2, step: 0.125, initial: 0.5 },
      { name: 'image-aspect-ratio', kind: 'ratio', initial: '' },
      { name: 'card-min-width', kind: 'range', unit: 'em', min: 8, max: 30, step: 0.5, initial: 15 },
    ],
  },
  {
    id: 'lines',
    tokens: [
      { name: 'title-lines', kind: 'lines', min: 1, max: 8, initial: '' },
      { name: 'excerpt-lines', kind: 'lines', min: 1, max: 8, initial: '' },
      { name: 'body-lines', kind: 'lines', min: 1, max: 40, initial: '' },
    ],
  },
];
const TOKENS = TOKEN_GROUPS.flatMap((group) => group.tokens);
const RATIOS = ['16 / 9', '4 / 3', '3 / 2', '1 / 1', '21 / 9'];

/** The `::part` recipes of the checkboxes: the class theming.css styles the stage with, and the CSS to copy. */
const RECIPES = {
  'title-weight': 'recent-posts::part(title),\nfeatured-story::part(title) {\n  font-weight: 400;\n}',
  'card-shadow': 'recent-posts::part(item) {\n  box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);\n}',
  'heading-caps': 'recent-posts::part(heading) {\n  text-transform: uppercase;\n  letter-spacing: 0.05em;\n}',
  'no-excerpt':
    '/* Without excerpts: no lines reserved for them either. */\nrecent-posts {\n  --news-excerpt-lines: 0;\n}\nrecent-posts::part(excerpt) {\n  display: none;\n}',
};

/** The page's own strings, by `data-i18n` / `data-i18n-aria-label` key, and the controls' words. */
const STRINGS = {
  ru: {
    pageTitle: 'Оформление виджетов — news-widgets',
    metaDescription:
      'Страница для дизайнеров: раскладка, тема, язык и все свойства --news-* виджетов news-widgets с живым предпросмотром и кодом для вставки.',
    skipLink: 'Перейти к содержанию',
    demoNote: 'Демонстрационный сайт: регион и события вымышлены',
    siteName: 'Правительство Северореченской области',
    siteTagline: 'Официальный сайт',
    demoNav: 'Разделы демонстрации',
    navNews: 'Новости',
    navTheming: 'Оформление виджетов',
    pageHeading: 'Оформление виджетов',
    intro:
      'Выберите раскладку, тему, язык и значения свойств --news-*: виджеты ниже меняются сразу, а внизу страницы готов код для вставки на ваш сайт. Свойства не заданы, пока вы их не измените: тогда действуют значения по умолчанию.',
    controlsHeading: 'Настройки',
    layoutLegend: 'Раскладка <recent-posts>',
    layoutList: 'Список (list)',
    layoutCards: 'Карточки (cards)',
    layoutCompact: 'Компактно (compact)',
    themeLegend: 'Тема (атрибут theme)',
    themeNone: 'Нет: цвета и шрифт страницы',
    themeLight: 'Светлая (light)',
    themeDark: 'Тёмная (dark)',
    themeAuto: 'Как в системе (auto)',
    viewLegend: 'Язык и ширина',
    langLabel: 'Язык виджетов (атрибут lang)',
    langInherit: 'Как у страницы',
    widthLabel: 'Ширина предпросмотра',
    widthHint:
      'Раскладки следуют ширине контейнера: карточки от 15em, картинка темы дня сбоку от 36em, время рядом с заголовком от 48em.',
    partsLegend: 'Части (::part)',
    recipeTitleWeight: 'Заголовки обычного начертания',
    recipeCardShadow: 'Тень у публикаций',
    recipeHeadingCaps: 'Заголовок списка прописными',
    recipeNoExcerpt: 'Без анонсов',
    reset: 'Сбросить всё',
    previewHeading: 'Предпросмотр',
    snippetHeading: 'Код для вставки',
    snippetIntro:
      'HTML — в шаблон страницы (адрес ленты замените на свой), CSS — в файл стилей сайта: на сайтах со строгой политикой безопасности встроенный <style> не работает.',
    copyHtml: 'Копировать HTML',
    copyCss: 'Копировать CSS',
    copied: 'Скопировано в буфер обмена.',
    copyFailed: 'Браузер не дал скопировать: код выделен, нажмите Ctrl+C (⌘C на Mac).',
    footerGuide: 'Все свойства, части и слоты описаны в руководстве для дизайнеров (docs/designers.md) и в README.',
    footerBack: 'Вернуться к новостям',
    otherPageLang: 'English',
    // Controls built here.
    group_type: 'Шрифты и размеры',
    group_colours: 'Цвета',
    group_shape: 'Отступы и форма',
    group_lines: 'Строки (запас места под текст)',
    notSet: 'не задано',
    defaultIs: 'По умолчанию: {value}.',
    fontDefault: 'По умолчанию',
    fontSystem: 'Системный (system-ui)',
    fontSans: 'Без засечек (PT Sans, Arial)',
    fontSerif: 'С засечками (Georgia)',
    fontMono: 'Моноширинный',
    ratioInvalid: 'Не соотношение сторон: например, 16 / 9.',
    snippetNoTokens: '/* Свойства --news-* не изменены: действуют значения по умолчанию. */',
    snippetPartExample:
      '/* Части оформляются через ::part, например:\nrecent-posts::part(title) {\n  font-weight: 400;\n} */',
    snippetFeed: '/news/feed.json',
    'label:font-family': 'Шрифт',
    'label:heading-font-family': 'Шрифт заголовков',
    'label:font-size': 'Базовый размер',
    'label:heading-size': 'Заголовок списка',
    'label:title-size': 'Заголовки публикаций',
    'label:small-size': 'Мелкий текст (время, подписи)',
    'label:line-height': 'Межстрочный интервал',
    'label:text-color': 'Текст',
    'label:muted-color': 'Второстепенный текст (время)',
    'label:link-color': 'Ссылки',
    'label:link-hover-color': 'Ссылки под указателем',
    'label:background': 'Фон виджета',
    'label:surface': 'Фон карточек и кнопок',
    'label:border-color': 'Рамки',
    'label:focus-ring-color': 'Рамка фокуса',
    'label:gap': 'Промежуток',
    'label:padding': 'Внутренний отступ',
    'label:radius': 'Скругление углов',
    'label:image-aspect-ratio': 'Соотношение сторон картинок',
    'label:card-min-width': 'Наименьшая ширина карточки',
    'label:title-lines': 'Строк заголовка',
    'label:excerpt-lines': 'Строк анонса',
    'label:body-lines': 'Строк текста темы дня',
    'default:font-family': 'шрифт страницы',
    'default:heading-font-family': 'как --news-font-family',
    'default:font-size': '1em',
    'default:heading-size': '1.25em',
    'default:title-size': '1.0625em в списке, 1.75em у темы дня',
    'default:small-size': '0.875em',
    'default:line-height': '1.5',
    'default:text-color': 'цвет текста страницы',
    'default:muted-color': 'цвет текста на 72%',
    'default:link-color': 'цвет текста',
    'default:link-hover-color': 'цвет текста',
    'default:background': 'прозрачный',
    'default:surface': 'цвет текста на 5%',
    'default:border-color': 'цвет текста на 22%',
    'default:focus-ring-color': 'цвет текста',
    'default:gap': '1em',
    'default:padding': '0',
    'default:radius': '0.5em',
    'default:image-aspect-ratio': '16 / 9',
    'default:card-min-width': '15em',
    'default:title-lines': '3 в списке (2 шире 48em), 4 у темы дня',
    'default:excerpt-lines': '3 (2 в списке шире 48em)',
    'default:body-lines': 'none, весь текст',
  },
  en: {
    pageTitle: 'Widget theming — news-widgets',
    metaDescription:
      'A page for designers: the layout, theme, language and every --news-* property of the news-widgets components, with a live preview and the code to copy.',
    skipLink: 'Skip to content',
    demoNote: 'Demo website: the region and events are fictional',
    siteName: 'Government of the Severorechensk Region',
    siteTagline: 'Official website',
    demoNav: 'Demo sections',
    navNews: 'News',
    navTheming: 'Widget theming',
    pageHeading: 'Widget theming',
    intro:
      'Choose the layout, theme, language and values of the --news-* properties: the widgets below change at once, and the code for your site is ready at the bottom of the page. A property is not set until you change it: until then its default applies.',
    controlsHeading: 'Settings',
    layoutLegend: 'Layout of <recent-posts>',
    layoutList: 'List (list)',
    layoutCards: 'Cards (cards)',
    layoutCompact: 'Compact (compact)',
    themeLegend: 'Theme (the theme attribute)',
    themeNone: "None: the page's colours and font",
    themeLight: 'Light (light)',
    themeDark: 'Dark (dark)',
    themeAuto: 'Follow the system (auto)',
    viewLegend: 'Language and width',
    langLabel: 'Language of the widgets (the lang attribute)',
    langInherit: "The page's",
    widthLabel: 'Preview width',
    widthHint:
      "Layouts follow the container's width: cards from 15em, the story of the day's image beside its text from 36em, times beside titles from 48em.",
    partsLegend: 'Parts (::part)',
    recipeTitleWeight: 'Titles in normal weight',
    recipeCardShadow: 'A shadow under posts',
    recipeHeadingCaps: 'List heading in capitals',
    recipeNoExcerpt: 'No excerpts',
    reset: 'Reset everything',
    previewHeading: 'Preview',
    snippetHeading: 'Code to copy',
    snippetIntro:
      "HTML goes into the page template (put your feed's address in), CSS into the site's stylesheet: on sites with a strict security policy an inline <style> does not work.",
    copyHtml: 'Copy HTML',
    copyCss: 'Copy CSS',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac).',
    footerGuide: "Every property, part and slot is described in the designers' guide (docs/designers.md) and in README.",
    footerBack: 'Back to the news',
    otherPageLang: 'Русский',
    group_type: 'Fonts and sizes',
    group_colours: 'Colours',
    group_shape: 'Spacing and shape',
    group_lines: 'Lines (space reserved for text)',
    notSet: 'not set',
    defaultIs: 'Default: {value}.',
    fontDefault: 'Default',
    fontSystem: 'System (system-ui)',
    fontSans: 'Sans-serif (PT Sans, Arial)',
    fontSerif: 'Serif (Georgia)',
    fontMono: 'Monospace',
    ratioInvalid: 'Not an aspect ratio: 16 / 9, for example.',
    snippetNoTokens: '/* No --news-* property changed: the defaults apply. */',
    snippetPartExample:
      '/* Parts are styled with ::part, for example:\nrecent-posts::part(title) {\n  font-weight: 400;\n} */',
    snippetFeed: '/news/feed.json',
    'label:font-family': 'Font',
    'label:heading-font-family': 'Heading font',
    'label:font-size': 'Base size',
    'label:heading-size': 'List heading',
    'label:title-size': 'Post titles',
    'label:small-size': 'Small text (times, labels)',
    'label:line-height': 'Line height',
    'label:text-color': 'Text',
    'label:muted-color': 'Muted text (times)',
    'label:link-color': 'Links',
    'label:link-hover-color': 'Links under the pointer',
    'label:background': 'Widget background',
    'label:surface': 'Cards and buttons',
    'label:border-color': 'Borders',
    'label:focus-ring-color': 'Focus ring',
    'label:gap': 'Gap',
    'label:padding': 'Padding',
    'label:radius': 'Corner radius',
    'label:image-aspect-ratio': 'Image aspect ratio',
    'label:card-min-width': 'Narrowest card',
    'label:title-lines': 'Title lines',
    'label:excerpt-lines': 'Excerpt lines',
    'label:body-lines': 'Lines of the story of the day',
    'default:font-family': "the page's font",
    'default:heading-font-family': 'as --news-font-family',
    'default:font-size': '1em',
    'default:heading-size': '1.25em',
    'default:title-size': '1.0625em in the list, 1.75em for the story of the day',
    'default:small-size': '0.875em',
    'default:line-height': '1.5',
    'default:text-color': "the page's text colour",
    'default:muted-color': 'text colour at 72%',
    'default:link-color': 'the text colour',
    'default:link-hover-color': 'the text colour',
    'default:background': 'transparent',
    'default:surface': 'text colour at 5%',
    'default:border-color': 'text colour at 22%',
    'default:focus-ring-color': 'the text colour',
    'default:gap': '1em',
    'default:padding': '0',
    'default:radius': '0.5em',
    'default:image-aspect-ratio': '16 / 9',
    'default:card-min-width': '15em',
    'default:title-lines': '3 in the list (2 wider than 48em), 4 for the story of the day',
    'default:excerpt-lines': '3 (2 in a list wider than 48em)',
    'default:body-lines': 'none, the whole text',
  },
};

const form = document.getElementById('theming-form');
const stage = document.getElementById('preview');
const widthInput = document.getElementById('preview-width');
const widthValue = document.getElementById('preview-width-value');
const langSelect = document.getElementById('widget-lang');
const htmlCode = document.getElementById('snippet-html');
const cssCode = document.getElementById('snippet-css');
const copyStatus = document.getElementById('copy-status');

/** The shipped locales by their lowercase value, as ?lang= is read: `zh-hant` is `zh-Hant`. */
const LANGUAGES = new Map([...langSelect.options].filter((option) => option.value).map((option) => [option.value.toLowerCase(), option.value]));

/**
 * ?lang=en: the English page; ?lang=ar (any other shipped locale): English, widgets in Arabic;
 * ?lang=zh-TW (HK, MO) means zh-Hant, as it does to the widgets (src/i18n/locale-match.ts).
 */
function readUrl() {
  const wanted = new URL(location.href).searchParams.get('lang')?.toLowerCase() ?? '';
  const traditional = /^zh[-_](tw|hk|mo)\b/.test(wanted) ? 'zh-hant' : '';
  const lang = LANGUAGES.get([wanted, traditional, wanted.split(/[-_]/)[0]].find((candidate) => LANGUAGES.has(candidate))) ?? DEFAULT_LANG;
  const textLang = lang === 'ru' ? 'ru' : 'en';
  return { lang, textLang, widgetLang: lang === textLang ? '' : lang };
}

const { lang: urlLang, textLang, widgetLang: initialWidgetLang } = readUrl();
const strings = STRINGS[textLang];
const t = (key, values = {}) => strings[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);

/** Creates an element with attributes (a `text` key sets its text). */
function el(tag, attributes = {}) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  return node;
}

const formatNumber = (value) => String(Number(value));

/** A token's control: label (with the property's name), the input, its current value and its default. */
function tokenControl(token) {
  const id = `token-${token.name}`;
  const field = el('div', { class: `field token token--${token.kind}` });
  const label = el('label', { for: id });
  label.append(el('span', { text: t(`label:${token.name}`) }), ' ', el('code', { text: `--news-${token.name}` }));
  const hintId = `${id}-hint`;
  const hint = el('p', { class: 'field__hint', id: hintId, text: t('defaultIs', { value: t(`default:${token.name}`) }) });

  let input;
  if (token.kind === 'font') {
    input = el('select', { id, name: token.name, 'aria-describedby': hintId });
    for (const [value, key] of FONTS) input.append(el('option', { value, text: t(key), selected: value === token.initial }));
  } else if (token.kind === 'color') {
    input = el('input', { type: 'color', id, name: token.name, value: token.initial, 'aria-describedby': hintId });
  } else if (token.kind === 'range') {
    input = el('input', { type: 'range', id, name: token.name, min: token.min, max: token.max, step: token.step,
      value: token.initial, 'aria-describedby': hintId });
  } else if (token.kind === 'lines') {
    input = el('input', { type: 'number', id, name: token.name, min: token.min, max: token.max, step: 1,
      inputmode: 'numeric', value: token.initial, 'aria-describedby': hintId });
  } else {
    const listId = `${id}-list`;
    input = el('input', { type: 'text', id, name: token.name, list: listId, value: token.initial, spellcheck: 'false',
      'aria-describedby': hintId });
    const list = el('datalist', { id: listId });
    for (const ratio of RATIOS) list.append(el('option', { value: ratio }));
    field.append(list);
  }
  input.dataset.token = token.name;

  const row = el('div', { class: 'field__row' });
  row.append(input);
  if (token.kind === 'color' || token.kind === 'range') {
    row.append(el('output', { class: 'field__value', for: id, id: `${id}-value` }));
  }
  field.prepend(label);
  field.append(row, hint);
  return field;
}

/** Builds one fieldset per group of tokens. */
function buildTokenControls() {
  const container = document.getElementById('token-groups');
  for (const group of TOKEN_GROUPS) {
    const fieldset = el('fieldset', { class: `controls__group controls__group--${group.id}` });
    fieldset.append(el('legend', { text: t(`group_${group.id}`) }));
    for (const token of group.tokens) fieldset.append(tokenControl(token));
    container.append(fieldset);
  }
}

/** Tokens whose control has been changed since load or reset. */
const changed = new Set();

/** The CSS value of a token as its control stands, or undefined when the value is empty or invalid. */
function tokenValue(token) {
  const input = form.elements.namedItem(token.name);
  const raw = input.value.trim();
  if (raw === '') return undefined;
  if (token.kind === 'range') return `${formatNumber(raw)}${token.unit}`;
  if (token.kind === 'lines') return Number.isInteger(Number(raw)) && Number(raw) >= 0 ? formatNumber(raw) : undefined;
  if (token.kind === 'ratio') return CSS.supports('aspect-ratio', raw) ? raw.replace(/\s*\/\s*/, ' / ') : undefined;
  return raw;
}

/** The properties set now, as [name, value] pairs, in table order. */
function setTokens() {
  return TOKENS.filter((token) => changed.has(token.name))
    .map((token) => [`--news-${token.name}`, tokenValue(token)])
    .filter(([, value]) => value !== undefined);
}

const checkedValue = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value ?? '';
const checkedRecipes = () => [...form.querySelectorAll('input[name="recipe"]:checked')].map((input) => input.value);

/** The state of the whole form, as attributes and properties of the widgets. */
function readState() {
  return {
    layout: checkedValue('layout'),
    theme: checkedValue('theme'),
    lang: langSelect.value,
    width: Number(widthInput.value),
    tokens: setTokens(),
    recipes: checkedRecipes(),
  };
}

function setAttribute(node, name, value) {
  if (value) node.setAttribute(name, value);
  else node.removeAttribute(name);
}

/** Applies the state to the preview: attributes on the widgets, properties on their ancestor. */
function applyPreview(state) {
  const feedLang = (state.lang || textLang) === 'ru' ? 'ru' : 'en';
  for (const widget of stage.querySelectorAll(WIDGETS)) {
    setAttribute(widget, 'theme', state.theme);
    setAttribute(widget, 'lang', state.lang);
    if (widget.getAttribute('src') !== FEEDS[feedLang]) widget.setAttribute('src', FEEDS[feedLang]);
  }
  stage.querySelector('recent-posts').setAttribute('layout', state.layout);

  const set = new Map(state.tokens);
  for (const token of TOKENS) {
    const name = `--news-${token.name}`;
    if (set.has(name)) stage.style.setProperty(name, set.get(name));
    else stage.style.removeProperty(name);
  }
  for (const recipe of Object.keys(RECIPES)) stage.classList.toggle(`recipe-${recipe}`, state.recipes.includes(recipe));
  stage.style.setProperty('inline-size', `${state.width}px`);
  widthValue.value = `${state.width} px`;
}

/** Shows each token's value beside its slider or colour, or that it is not set. */
function showTokenValues() {
  for (const token of TOKENS) {
    const input = form.elements.namedItem(token.name);
    const output = document.getElementById(`token-${token.name}-value`);
    const value = changed.has(token.name) ? tokenValue(token) : undefined;
    if (output) {
      output.value = value ?? t('notSet');
      output.classList.toggle('field__value--unset', value === undefined);
    }
    if (token.kind === 'ratio') {
      const invalid = input.value.trim() !== '' && tokenValue(token) === undefined;
      setAttribute(input, 'aria-invalid', invalid ? 'true' : '');
      const hint = document.getElementById(`token-${token.name}-hint`);
      hint.textContent = invalid ? t('ratioInvalid') : t('defaultIs', { value: t(`default:${token.name}`) });
    }
  }
}

/** The HTML of both elements with the attributes the controls set. */
function htmlSnippet(state) {
  const attributes = (extra) =>
    [['src', t('snippetFeed')], ...extra, ['theme', state.theme], ['lang', state.lang]]
      .filter(([, value]) => value)
      .map(([name, value]) => ` ${name}="${value}"`)
      .join('');
  const layout = state.layout === 'list' ? [] : [['layout', state.layout]];
  return [
    `<featured-story${attributes([])}></featured-story>`,
    `<recent-posts${attributes(layout)}></recent-posts>`,
  ].join('\n');
}

/** The CSS rule with only the changed properties, then the chosen ::part recipes (or an example). */
function cssSnippet(state) {
  const blocks = [];
  if (state.tokens.length) {
    blocks.push(`recent-posts,\nfeatured-story {\n${state.tokens.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`);
  } else {
    blocks.push(t('snippetNoTokens'));
  }
  if (state.recipes.length) blocks.push(...state.recipes.map((recipe) => RECIPES[recipe]));
  else blocks.push(t('snippetPartExample'));
  return blocks.join('\n\n');
}

function update() {
  const state = readState();
  applyPreview(state);
  showTokenValues();
  htmlCode.textContent = htmlSnippet(state);
  cssCode.textContent = cssSnippet(state);
}

form.addEventListener('input', (event) => {
  const name = event.target.dataset?.token;
  if (name) changed.add(name);
  copyStatus.textContent = '';
  update();
});
form.addEventListener('change', (event) => {
  const name = event.target.dataset?.token;
  if (name) changed.add(name);
  update();
});
// The reset event comes before the form puts its controls back: read them once it has.
form.addEventListener('reset', () => {
  changed.clear();
  copyStatus.textContent = '';
  setTimeout(update);
});

/** Selects the text of a code block, for a manual copy when the clipboard is refused. */
function selectText(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy);
    copyStatus.textContent = '';
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code.textContent);
      copyStatus.textContent = t('copied');
    } catch {
      selectText(code);
      copyStatus.textContent = t('copyFailed');
    }
  });
}

/** Translates the page's own text; the widgets translate themselves. */
function translatePage() {
  document.documentElement.lang = textLang;
  document.title = strings.pageTitle;
  document.querySelector('meta[name="description"]')?.setAttribute('content', strings.metaDescription);
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const text = strings[node.dataset.i18n];
    if (text !== undefined) node.textContent = text;
  }
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    const text = strings[node.dataset.i18nAriaLabel];
    if (text !== undefined) node.setAttribute('aria-label', text);
  }
  // Links to the demo's pages keep the language of this one.
  for (const link of document.querySelectorAll('a[data-keep-lang]')) {
    const url = new URL(link.href);
    if (urlLang !== DEFAULT_LANG) url.searchParams.set('lang', urlLang);
    link.href = url.href;
  }
  const other = textLang === 'ru' ? 'en' : 'ru';
  const switchLink = document.getElementById('page-lang-link');
  const url = new URL(location.href);
  if (other === DEFAULT_LANG) url.searchParams.delete('lang');
  else url.searchParams.set('lang', other);
  switchLink.href = url.href;
  switchLink.hreflang = other;
  switchLink.lang = other;
  switchLink.textContent = t('otherPageLang');
}

translatePage();
buildTokenControls();
// The language from the URL is where the select starts, and where reset brings it back.
for (const option of langSelect.options) option.defaultSelected = option.value === initialWidgetLang;
langSelect.value = initialWidgetLang;
update();
