// Every visible text of the dashboard, in Arabic (the default, right to left) and English.
// Country names are not here: the browser's Intl.DisplayNames gives them in either language.

export const LANGUAGES = {
  ar: { dir: 'rtl', other: 'en' },
  en: { dir: 'ltr', other: 'ar' },
};

const TEXTS = {
  ar: {
    title: 'رصد: الدبلوماسية الأمنية',
    subtitle: 'الأحداث الأمنية والدبلوماسية في الأخبار العربية، مباشرة',
    switchLanguage: 'English',
    live: 'مباشر',
    reconnecting: 'إعادة الاتصال…',
    incidents: 'الوقائع',
    events: 'الأحداث',
    articles: 'المقالات',
    countries: 'الدول',
    country: 'الدولة',
    countriesMap: 'الوقائع حسب الدولة',
    themes: 'المحاور',
    theme: 'المحور',
    partner: 'الشريك',
    type: 'النوع',
    interval: 'الفترة',
    from: 'من',
    to: 'إلى',
    any: 'الكل',
    series: 'السلسلة الزمنية',
    seriesRefused: 'هذه المرشحات غير محفوظة:',
    selectCountry: 'انقر على دولة في الخريطة أو في الجدول',
    monthly: 'الوقائع شهريا',
    topPartners: 'أبرز الشركاء',
    noPartners: 'لا شركاء',
    allTime: 'كل الفترات',
    recent: 'الحصيلة الأخيرة',
    window: 'المدة',
    days7: 'آخر 7 أيام', days30: 'آخر 30 يومًا', days365: 'آخر 365 يومًا',
    byDate: 'حسب تاريخ الواقعة',
    bySeen: 'حسب أول رصد',
    recentEmpty: 'لا وقائع في هذه المدة',
    recentSpan: 'من {from} إلى {to}',
    feed: 'آخر الوقائع',
    feedEmpty: 'لا وقائع بعد',
    mentions: 'التغطيات',
    sources: 'المصادر',
    undated: 'غير مؤرخ',
    day: 'يوم', week: 'أسبوع', month: 'شهر', year: 'سنة',
  },
  en: {
    title: 'Rasd: security diplomacy',
    subtitle: 'Security-diplomacy events in Arabic news, live',
    switchLanguage: 'العربية',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    incidents: 'Incidents',
    events: 'Events',
    articles: 'Articles',
    countries: 'Countries',
    country: 'Country',
    countriesMap: 'Incidents by country',
    themes: 'Themes',
    theme: 'Theme',
    partner: 'Partner',
    type: 'Type',
    interval: 'Interval',
    from: 'From',
    to: 'To',
    any: 'Any',
    series: 'Time series',
    seriesRefused: 'No series is kept for these filters:',
    selectCountry: 'Click a country on the map or in the table',
    monthly: 'Incidents by month',
    topPartners: 'Top partners',
    noPartners: 'No partners',
    allTime: 'All time',
    recent: 'Recent activity',
    window: 'Window',
    days7: 'Last 7 days', days30: 'Last 30 days', days365: 'Last 365 days',
    byDate: 'By act date',
    bySeen: 'By first seen',
    recentEmpty: 'No incidents in this window',
    recentSpan: '{from} to {to}',
    feed: 'Latest incidents',
    feedEmpty: 'No incidents yet',
    mentions: 'Reports',
    sources: 'Sources',
    undated: 'undated',
    day: 'Day', week: 'Week', month: 'Month', year: 'Year',
  },
};

const EVENT_TYPES = {
  ar: {
    MEET: 'لقاء', VISIT: 'زيارة', HOST: 'استقبال', CONFERENCE: 'مؤتمر', AGREEMENT: 'اتفاق',
    INTEL_SHARING: 'تبادل المعلومات', PRAISE: 'إشادة', HONOR: 'تكريم', ELECTION: 'انتخاب',
  },
  en: {
    MEET: 'Meeting', VISIT: 'Visit', HOST: 'Hosting', CONFERENCE: 'Conference', AGREEMENT: 'Agreement',
    INTEL_SHARING: 'Intelligence sharing', PRAISE: 'Praise', HONOR: 'Honour', ELECTION: 'Election',
  },
};

const THEMES = {
  ar: {
    CYBERSECURITY: 'الأمن السيبراني', DRUG_TRAFFICKING: 'تهريب المخدرات', EXTREMISM: 'التطرف',
    HUMAN_RIGHTS: 'حقوق الإنسان', HUMAN_TRAFFICKING: 'الاتجار بالبشر', ILLEGAL_MIGRATION: 'الهجرة غير النظامية',
    INTELLIGENCE_SHARING: 'تبادل المعلومات الاستخباراتية', MAJOR_EVENTS_SECURITY: 'تأمين التظاهرات الكبرى',
    ORGANIZED_CRIME: 'الجريمة المنظمة', PEACEKEEPING: 'حفظ السلام', POLICE_COOPERATION: 'التعاون الشرطي',
    REGIONAL_SECURITY: 'الأمن الإقليمي', SECURITY_TECHNOLOGY: 'التكنولوجيا الأمنية', TERRORISM: 'الإرهاب',
    TERRORISM_FINANCING: 'تمويل الإرهاب', TRAINING: 'التكوين',
  },
  en: {
    CYBERSECURITY: 'Cybersecurity', DRUG_TRAFFICKING: 'Drug trafficking', EXTREMISM: 'Extremism',
    HUMAN_RIGHTS: 'Human rights', HUMAN_TRAFFICKING: 'Human trafficking', ILLEGAL_MIGRATION: 'Illegal migration',
    INTELLIGENCE_SHARING: 'Intelligence sharing', MAJOR_EVENTS_SECURITY: 'Major events security',
    ORGANIZED_CRIME: 'Organised crime', PEACEKEEPING: 'Peacekeeping', POLICE_COOPERATION: 'Police cooperation',
    REGIONAL_SECURITY: 'Regional security', SECURITY_TECHNOLOGY: 'Security technology', TERRORISM: 'Terrorism',
    TERRORISM_FINANCING: 'Terrorism financing', TRAINING: 'Training',
  },
};

/** The labels of one language; a code the tables lack (a type or theme added later) shows as itself. */
export function labels(language) {
  const regionNames = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  // Latin digits in both languages, as the Maghreb's press writes them
  const numbers = new Intl.NumberFormat(language, { numberingSystem: 'latn' });
  return {
    // a text's {name}s are the values given: words around them keep each language's order
    text: (key, values = {}) => (TEXTS[language][key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name]),
    type: code => EVENT_TYPES[language][code] ?? code,
    theme: code => THEMES[language][code] ?? code,
    // organisations are partners too (NATO, INTERPOL...): their codes are no regions
    country: code => /^[A-Z]{2}$/.test(code) ? regionNames.of(code) : code,
    number: value => numbers.format(value),
  };
}
