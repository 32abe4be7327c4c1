// The analyst's dashboard: analytics' aggregates and series (this origin) and the catalog's incidents (its own
// origin, which must allow this one: RASD_CORS_ORIGINS), kept live by both services' SSE streams.
import { LANGUAGES, labels } from './i18n.js';

const echarts = window.echarts; // the webjar's UMD build, loaded before this module
const CATALOG = new URLSearchParams(location.search).get('catalog') ?? `${location.protocol}//${location.hostname}:8081`;
const FEED_SIZE = 20;
const PARTNERS_SHOWN = 10;
const RECENT_SHOWN = 5;
const REFRESH_DELAY_MS = 400;
const RECONNECT_DELAY_MS = 3000;

const state = {
  language: localStorage.getItem('rasd.language') in LANGUAGES ? localStorage.getItem('rasd.language') : 'ar',
  totals: { incidents: 0, events: 0, articles: 0 },
  countries: new Map(),
  themes: new Map(),
  selectedCountry: null,
  recent: null, // the window the recent panel shows, as analytics answered it
  feed: [], // {incident, mentions, event}: newest first, one item per incident
  streamsOpen: { aggregates: false, catalog: false },
};
let t = labels(state.language);

const $ = selector => document.querySelector(selector);
const charts = Object.fromEntries(['map', 'country-series', 'series', 'themes']
  .map(id => [id, echarts.init(document.getElementById(id))]));
addEventListener('resize', () => Object.values(charts).forEach(chart => chart.resize()));

/** The answer's JSON; else an error with the answer's status and the problem's detail (none when nothing answered). */
async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({})); // the services answer problem documents
    throw Object.assign(new Error(problem.detail ?? response.statusText), { status: response.status });
  }
  return response.json();
}

const byIncidents = (a, b) => b.incidents - a.incidents || a.code.localeCompare(b.code);

// ---- language ----

function applyLanguage(language) {
  state.language = language;
  t = labels(language);
  localStorage.setItem('rasd.language', language);
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGES[language].dir;
  document.title = t.text('title');
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t.text(element.dataset.i18n); });
  renderAggregates();
  renderStatus();
  renderFeed();
  renderRecent();
  refreshSelections();
}

$('#language').addEventListener('click', () => applyLanguage(LANGUAGES[state.language].other));

// ---- aggregates: totals, map, country table, themes, filter choices ----

function applyAggregateMessage(message) {
  if (message.kind === 'snapshot') { // the first message, and the first again after a reconnect too late to catch up
    state.countries.clear();
    state.themes.clear();
  }
  state.totals = message.totals;
  message.countries.forEach(row => state.countries.set(row.code, row));
  message.themes.forEach(row => state.themes.set(row.code, row));
  renderAggregates();
  scheduleRefresh(refreshCountry, refreshRecent); // neither is in the message: both are asked for
  if (message.kind === 'snapshot') {
    scheduleRefresh(refreshSeries); // changes may have been missed while disconnected
  } else {
    followSeries(message.series);
  }
}

function renderAggregates() {
  for (const key of ['incidents', 'events', 'articles']) {
    $(`#total-${key}`).textContent = t.number(state.totals[key]);
  }
  const countries = [...state.countries.values()].filter(row => row.incidents > 0).sort(byIncidents);
  renderMap(countries);
  renderCountryTable(countries);
  renderThemes([...state.themes.values()].filter(row => row.incidents > 0).sort(byIncidents));
  renderFilterChoices(countries);
}

function renderMap(countries) {
  charts.map.setOption({
    tooltip: { formatter: item => `${t.country(item.name)}: ${t.number(item.value || 0)}` },
    visualMap: {
      min: 0, max: Math.max(1, ...countries.map(row => row.incidents)), calculable: true,
      inRange: { color: ['#d7efe9', '#0f6b5c'] }, left: state.language === 'ar' ? 'right' : 'left',
    },
    series: [{
      type: 'map', map: 'world', nameProperty: 'iso_a2', roam: true, selectedMode: false,
      emphasis: { label: { show: false } },
      data: countries.map(row => ({ name: row.code, value: row.incidents })),
    }],
  });
}

function renderCountryTable(countries) {
  const most = Math.max(1, ...countries.map(row => row.incidents));
  $('#countries tbody').replaceChildren(...countries.map(row => {
    const tr = document.createElement('tr');
    tr.dataset.code = row.code;
    tr.classList.toggle('selected', row.code === state.selectedCountry);
    tr.append(cell(t.country(row.code)), cell(t.number(row.incidents), 'incidents', bar(row.incidents, most)),
      cell(t.number(row.events), 'events'), cell(t.number(row.articles), 'articles'));
    tr.addEventListener('click', () => selectCountry(row.code));
    return tr;
  }));
}

/** A bar as long as the value's share of the most, at most 6rem. */
function bar(value, most) {
  const span = Object.assign(document.createElement('span'), { className: 'bar' });
  span.style.width = `${(6 * value) / most}rem`;
  return span;
}

/** A ranked list's items, each code's name, incidents and bar; the empty text when there are none. */
function rankedItems(rows, name, emptyKey) {
  if (!rows.length) {
    return [Object.assign(document.createElement('li'), { className: 'empty', textContent: t.text(emptyKey) })];
  }
  const most = Math.max(1, ...rows.map(row => row.incidents));
  return rows.map(row => {
    const li = document.createElement('li');
    li.dataset.code = row.code;
    li.dataset.incidents = row.incidents;
    li.append(`${name(row.code)}: ${t.number(row.incidents)}`, bar(row.incidents, most));
    return li;
  });
}

function cell(text, count, ...extra) {
  const td = document.createElement('td');
  td.append(text, ...extra);
  if (count) {
    td.className = 'count';
    td.dataset.count = count;
  }
  return td;
}

function renderThemes(themes) {
  const rtl = LANGUAGES[state.language].dir === 'rtl';
  charts.themes.setOption({
    grid: { containLabel: true, left: 8, right: 8, top: 8, bottom: 8 },
    tooltip: {},
    xAxis: { type: 'value', inverse: rtl, minInterval: 1 },
    yAxis: { type: 'category', inverse: true, position: rtl ? 'right' : 'left', data: themes.map(row => t.theme(row.code)) },
    series: [{ type: 'bar', name: t.text('incidents'), itemStyle: { color: '#0f6b5c' },
      label: { show: true, position: rtl ? 'left' : 'right' }, data: themes.map(row => row.incidents) }],
  });
}

/** The series filters offer what has been counted; a choice made stays chosen. */
function renderFilterChoices(countries) {
  const codes = {
    countries: countries.map(row => [row.code, t.country(row.code)]),
    themes: [...state.themes.keys()].map(code => [code, t.theme(code)]),
    types: [...new Set(countries.flatMap(row => Object.keys(row.byType ?? {})))].map(code => [code, t.type(code)]),
  };
  document.querySelectorAll('select[data-codes]').forEach(select => {
    const chosen = select.value;
    const choices = codes[select.dataset.codes].sort((a, b) => a[1].localeCompare(b[1], state.language));
    select.replaceChildren(new Option(t.text('any'), ''), ...choices.map(([code, label]) => new Option(label, code)));
    select.value = choices.some(([code]) => code === chosen) ? chosen : '';
  });
}

// ---- series: the filtered one, kept live by the stream, and the selected country's months and partners ----

function seriesChart(chart, series) {
  chart.setOption({
    grid: { containLabel: true, left: 8, right: 8, top: 24, bottom: 8 },
    tooltip: { trigger: 'axis' },
    legend: { data: [t.text('incidents'), t.text('events')] },
    xAxis: { type: 'category', data: series.buckets.map(bucket => bucket.start) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t.text('incidents'), color: '#0f6b5c', data: series.buckets.map(bucket => bucket.incidents) },
      { type: 'line', name: t.text('events'), color: '#e08a1e', data: series.buckets.map(bucket => bucket.events) },
    ],
  }, { notMerge: true });
}

function period() {
  const form = $('#series-filters');
  return { from: form.from.value, to: form.to.value };
}

/** The series the form asks for, as the stream names a change's buckets: absent fields null, a pair in alphabetical order. */
function seriesFilter() {
  const form = $('#series-filters');
  const field = name => form[name].value || null;
  const pair = [field('country'), field('partner')];
  const [country, partner] = pair.every(Boolean) ? pair.sort() : pair;
  return { interval: form.interval.value, country, partner, theme: field('theme'), type: field('type') };
}

let seriesAsked = 0; // the number of the latest series asked for: an earlier answer arriving late is dropped
let liveSeries = null; // {filter, series} the chart draws, while the stream's buckets can be applied to it

async function refreshSeries() {
  const asked = ++seriesAsked;
  liveSeries = null; // a change arriving before the answer may not be in it: it asks again (followSeries)
  const filter = seriesFilter();
  const query = new URLSearchParams([...new FormData($('#series-filters'))].filter(([, value]) => value !== ''));
  try {
    const series = await getJson(`/api/series?${query}`);
    if (asked === seriesAsked) {
      liveSeries = { filter, series };
      seriesChart(charts.series, series);
      $('#series-error').hidden = true;
    }
  } catch (failure) {
    if (asked !== seriesAsked) {
      return;
    }
    if (failure.status === 400) { // a combination of filters analytics keeps no series for
      charts.series.clear();
      $('#series-error').textContent = `${t.text('seriesRefused')} ${failure.message}`;
      $('#series-error').hidden = false;
    } else { // analytics did not answer it (restarting, unreachable, busy): no refusal, asked again shortly
      setTimeout(() => asked === seriesAsked && refreshSeries(), RECONNECT_DELAY_MS);
    }
  }
}

/**
 * A change carries the new values of every series bucket it moved by the chart's interval: those of the chart's
 * filter within its period are drawn at once. Only when the chart follows no series (an answer awaited, or a
 * refused filter) is the series asked for again.
 */
function followSeries(buckets) {
  if (!liveSeries) {
    scheduleRefresh(refreshSeries);
    return;
  }
  const { filter, series } = liveSeries;
  const moved = buckets.filter(bucket => Object.entries(filter).every(([field, value]) => bucket[field] === value))
    .map(bucket => [series.buckets.find(shown => shown.start === bucket.start), bucket])
    .filter(([shown]) => shown); // a bucket outside the chart's period
  moved.forEach(([shown, bucket]) => Object.assign(shown, { incidents: bucket.incidents, events: bucket.events }));
  if (moved.length) {
    seriesChart(charts.series, series);
  }
}

function selectCountry(code) {
  state.selectedCountry = code;
  document.querySelectorAll('#countries tbody tr').forEach(tr => tr.classList.toggle('selected', tr.dataset.code === code));
  refreshCountry();
}

function refreshCountry() {
  refreshCountryMonths();
  refreshPartners();
}

async function refreshCountryMonths() {
  const code = state.selectedCountry;
  if (!code) {
    return;
  }
  const { from, to } = period();
  const series = await getJson(`/api/series?${new URLSearchParams({ interval: 'month', country: code, from, to })}`);
  if (code !== state.selectedCountry) {
    return; // another country was clicked meanwhile
  }
  const row = state.countries.get(code);
  const name = $('#country-name');
  name.dataset.code = code;
  name.textContent = `${t.country(code)}: ${t.number(row?.incidents ?? 0)} ${t.text('incidents')}`;
  seriesChart(charts['country-series'], series);
}

async function refreshPartners() {
  const code = state.selectedCountry;
  if (!code) {
    return;
  }
  const year = $('#partners-year').value;
  const query = new URLSearchParams({ limit: PARTNERS_SHOWN });
  if (year) { // none: of all time
    query.set('year', year);
  }
  const partners = await getJson(`/api/aggregates/countries/${code}/partners?${query}`);
  if (code === state.selectedCountry && year === $('#partners-year').value) { // else another choice came meanwhile
    $('#partners').replaceChildren(...rankedItems(partners, t.country, 'noPartners'));
  }
}

/** The partners' years to choose from: all time, or one of the series period's years, the latest first. */
function renderPartnerYears() {
  const { from, to } = period();
  const last = Number(to.slice(0, 4)) || new Date().getUTCFullYear(); // an emptied date field: this year
  const first = Number(from.slice(0, 4)) || last;
  const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(last - i));
  const select = $('#partners-year');
  const chosen = select.value;
  select.replaceChildren(new Option(t.text('allTime'), ''), ...years.map(year => new Option(year, year)));
  select.value = years.includes(chosen) ? chosen : '';
}

function refreshSelections() {
  renderPartnerYears();
  refreshSeries();
  refreshCountry();
}

// many count changes can come in a second: what they moved is asked for once they settle, each thing once
const dueRefreshes = new Set();
let refreshTimer;
function scheduleRefresh(...refreshes) {
  refreshes.forEach(refresh => dueRefreshes.add(refresh));
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    const due = [...dueRefreshes];
    dueRefreshes.clear();
    due.forEach(refresh => refresh());
  }, REFRESH_DELAY_MS);
}

$('#series-filters').addEventListener('change', event => {
  if (event.target.name === 'interval') {
    followAggregates(); // the stream sends the buckets of the intervals it was asked for
  }
  refreshSelections();
});
$('#partners-year').addEventListener('change', refreshPartners);
charts.map.on('click', item => state.countries.has(item.name) && selectCountry(item.name));

// ---- recent: the acts of the last days, by their date or by when they were first seen ----

function recentQuery() {
  return new URLSearchParams(new FormData($('#recent-filters'))).toString();
}

async function refreshRecent() {
  const query = recentQuery();
  const recent = await getJson(`/api/aggregates/recent?${query}`);
  if (query === recentQuery()) { // else another window was chosen meanwhile
    state.recent = recent;
    renderRecent();
  }
}

function renderRecent() {
  const recent = state.recent;
  if (!recent) {
    return;
  }
  const panel = $('#recent-panel');
  panel.dataset.days = recent.days;
  panel.dataset.basis = recent.basis;
  $('#recent-span').textContent = t.text('recentSpan', { from: isolatedDay(recent.from), to: isolatedDay(recent.to) });
  $('#recent-incidents').textContent = t.number(recent.incidents);
  $('#recent-events').textContent = t.number(recent.events);
  $('#recent-countries').replaceChildren(...rankedItems(recent.countries.slice(0, RECENT_SHOWN), t.country, 'recentEmpty'));
  $('#recent-themes').replaceChildren(...rankedItems(recent.themes.slice(0, RECENT_SHOWN), t.theme, 'recentEmpty'));
}

/**
 * The day of a window's end (by first seen an instant: its day is enough here), isolated left to right: after an
 * Arabic word the bidi algorithm would take its digits for Arabic ones and lay 2026-11-30 out as 30-11-2026.
 */
function isolatedDay(end) {
  return `\u2066${end.slice(0, 10)}\u2069`;
}

$('#recent-filters').addEventListener('change', refreshRecent);

// ---- the feed of incidents, from the catalog ----

async function addToFeed(incidentId, event) {
  const { incident, mentions } = await getJson(`${CATALOG}/api/incidents/${incidentId}`);
  // a new report of an incident already shown moves it to the top, with its new counts
  state.feed = [{ incident, mentions, event }, ...state.feed.filter(item => item.incident.id !== incidentId)]
    .slice(0, FEED_SIZE);
  renderFeed(incidentId);
}

function renderFeed(freshId) {
  const items = state.feed.map(item => feedItem(item, item.incident.id === freshId));
  $('#feed').replaceChildren(...(items.length ? items
    : [Object.assign(document.createElement('li'), { className: 'empty', textContent: t.text('feedEmpty') })]));
}

function feedItem({ incident, mentions, event }, fresh) {
  const li = document.createElement('li');
  li.dataset.incident = incident.id;
  li.classList.toggle('fresh', fresh);
  const mention = mentions.find(m => m.eventId === event?.id) ?? mentions[0];
  const meta = Object.assign(document.createElement('div'), { className: 'meta' });
  meta.textContent = [incident.dateFrom ?? t.text('undated'), t.type(incident.type),
    [incident.actor, ...incident.partners].map(t.country).join(' – '),
    incident.themes.map(t.theme).join('، ')].join(' · ');
  const evidence = document.createElement('blockquote');
  evidence.lang = 'ar';
  evidence.dir = 'rtl';
  evidence.append(...highlighted(mention?.evidence ?? '', cues(incident, mentions, event)));
  const links = Object.assign(document.createElement('div'), { className: 'meta' });
  const mentionsLink = link(`${CATALOG}/api/incidents/${incident.id}`, `${t.text('mentions')}: ${t.number(incident.mentions)}`);
  mentionsLink.className = 'mentions';
  links.append(mentionsLink, ` · ${t.text('sources')}: `,
    ...mentions.flatMap((m, i) => [i ? ', ' : '', link(m.url, m.source ?? m.url)]));
  li.append(meta, evidence, links);
  return li;
}

function link(href, text) {
  return Object.assign(document.createElement('a'), { href, textContent: text, target: '_blank', rel: 'noopener' });
}

/** What the evidence names: the countries' Arabic names, places, and the people and partners the event names. */
function cues(incident, mentions, event) {
  const arabic = labels('ar');
  return [
    ...[incident.actor, ...incident.partners, ...incident.places].filter(Boolean).map(arabic.country),
    ...mentions.map(m => m.location?.place),
    event?.subject?.name, event?.subject?.role, ...(event?.partners ?? []).map(p => p.name),
  ].filter(cue => cue && cue.length > 1);
}

/** The text as nodes, every cue in it marked. */
function highlighted(text, cueList) {
  if (!cueList.length) {
    return [text];
  }
  const escaped = [...new Set(cueList)].sort((a, b) => b.length - a.length)
    .map(cue => cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`);
  // split keeps the matches at the odd indices
  return text.split(pattern).map((part, i) => i % 2 ? Object.assign(document.createElement('mark'), { textContent: part }) : part);
}

async function loadRecentIncidents() {
  const { items } = await getJson(`${CATALOG}/api/incidents?limit=${FEED_SIZE}`);
  const details = await Promise.all(items.map(item => getJson(`${CATALOG}/api/incidents/${item.id}`)));
  const shown = new Set(state.feed.map(item => item.incident.id)); // live events may have come in meanwhile
  state.feed = [...state.feed, ...details.filter(d => !shown.has(d.incident.id)).map(d => ({ ...d, event: null }))]
    .slice(0, FEED_SIZE);
  renderFeed();
}

// ---- the live streams ----

const streams = {}; // each stream's current EventSource, by name

/**
 * An EventSource reconnects by itself after a dropped connection, with Last-Event-ID: the catalog sends every event
 * missed, analytics the changes missed (a snapshot when they are no longer kept); one the server refused outright is
 * closed, and opened again here unless it was replaced meanwhile. Following a stream again with another URL replaces
 * its connection.
 */
function follow(name, url, onMessage) {
  streams[name]?.close();
  setStreamOpen(name, false);
  const source = new EventSource(url);
  streams[name] = source;
  source.onopen = () => setStreamOpen(name, true);
  source.onmessage = message => onMessage(JSON.parse(message.data));
  source.onerror = () => {
    setStreamOpen(name, false);
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(() => streams[name] === source && follow(name, url, onMessage), RECONNECT_DELAY_MS);
    }
  };
}

/** Analytics' stream, with the buckets of every series a change moves by the chart's interval. */
function followAggregates() {
  const query = new URLSearchParams({ series: $('#series-filters').interval.value });
  follow('aggregates', `/api/aggregates/stream?${query}`, applyAggregateMessage);
}

function setStreamOpen(name, open) {
  state.streamsOpen[name] = open;
  renderStatus();
}

function renderStatus() {
  const live = Object.values(state.streamsOpen).every(Boolean);
  $('#status').classList.toggle('live', live);
  $('#status').textContent = t.text(live ? 'live' : 'reconnecting');
}

// ---- start ----

function defaultPeriod() {
  const today = new Date();
  const form = $('#series-filters');
  form.to.value = today.toISOString().slice(0, 10);
  form.from.value = `${today.getFullYear() - 4}-01-01`; // five calendar years: the months of the corpus's recent news
}

/**
 * Rasd counts the Sahara's cities (العيون، الداخلة) as Morocco's (the gazetteer, countries.tsv): the map draws the
 * two outlines Natural Earth keeps apart as one country, so that its shading is the count it shows.
 */
function asCounted(world) {
  const feature = code => world.features.find(each => each.properties.iso_a2 === code);
  const morocco = feature('MA');
  const sahara = feature('EH');
  if (morocco && sahara) {
    const polygons = geometry => geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    morocco.geometry = { type: 'MultiPolygon', coordinates: [...polygons(morocco.geometry), ...polygons(sahara.geometry)] };
    world.features = world.features.filter(each => each !== sahara);
  }
  return world;
}

echarts.registerMap('world', asCounted(await getJson('map/world.geo.json')));
defaultPeriod();
applyLanguage(state.language);
followAggregates();
follow('catalog', `${CATALOG}/api/events/stream`, event => addToFeed(event.incidentId, event));
loadRecentIncidents();
