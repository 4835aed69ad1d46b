// The explorer: a view (what is on screen, kept in the address), redrawn from the public
// GraphQL API whenever it changes. Answers are cached per question and filter, so
// expanding one more school asks only about that school.

import * as api from './api.js';
import { readView, writeView, pairingFilter, exportQuery, filterKey, emptyView } from './view.js';
import { Model, style, apply, layout, countyColours, KIND_COLOURS, UNKNOWN_COLOUR, MEMBER_COLOUR, PROGRAM_COLOUR } from './graph.js';
import * as details from './details.js';
import { schoolSearch } from './search.js';
import { h, kindLabel } from './dom.js';

const $ = id => document.getElementById(id);

let view = readView(window.location.search);
const lookup = { regions: [], programs: [], kinds: [], colours: new Map(), regionByCode: new Map() };
const answers = new Map();      // question key -> answer (only successful ones)
const memberships = new Map();  // school id -> its groups and programs
const names = new Map();        // school id -> name, for path ends and filter chips

const cy = cytoscape({
  container: $('cy'), style: style(), minZoom: 0.05, maxZoom: 2.5,
  boxSelectionEnabled: false, selectionType: 'single',
});

const explorer = { cy, busy: 0, ready: false, get view() { return view; } };
window.explorer = explorer; // for people in the console, and for the browser tests

// ---------------------------------------------------------------- feedback

function track(promise) {
  explorer.busy++;
  document.body.dataset.busy = 'true';
  $('status').textContent = 'Loading…';
  return promise.finally(() => {
    explorer.busy--;
    if (explorer.busy === 0) {
      document.body.dataset.busy = 'false';
      $('status').textContent = '';
    }
  });
}

function showError(context, error) {
  const list = error instanceof api.ApiError ? error.errors : [{ message: error.message || String(error) }];
  for (const e of list) {
    const text = `${context}: ${e.message}`;
    if ([...$('errors').children].some(c => c.dataset.text === text)) continue;
    const hint = e.classification === 'UNAUTHORIZED'
      ? ' Reading needs a sign-in here: reload the page and give your user name and password when the browser asks.' : '';
    const item = h('div', { class: 'error-item', dataset: { text } },
      h('span', {}, text, e.classification ? ` (${e.classification})` : '', hint),
      h('button', { type: 'button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'));
    $('errors').append(item);
  }
}

function clearErrors() {
  $('errors').replaceChildren();
}

const nameOf = id => names.get(id) || id;

// ---------------------------------------------------------------- the view and the address

/** Puts the view in the address: a new history entry for a change (Back undoes it), else in place. */
function save({ push = false } = {}) {
  const query = writeView(view);
  const address = window.location.pathname + (query ? '?' + query : '');
  if (push && address !== window.location.pathname + window.location.search) window.history.pushState(null, '', address);
  else window.history.replaceState(null, '', address);
  $('export-graphml').href = '/export/network.graphml?' + exportQuery(view, true);
  $('export-gexf').href = '/export/network.gexf?' + exportQuery(view, true);
  const csv = exportQuery(view, false);
  $('export-csv').href = '/export/pairings.csv' + (csv ? '?' + csv : '');
}

/** A change by the person: saved in the address, then redrawn (statistics too when the filter changed). */
function changed({ stats = false, fit = true } = {}) {
  clearErrors();
  save({ push: true });
  refreshGraph({ fit });
  if (stats) refreshStats();
  syncControls();
}

const unique = list => [...new Set(list)];

const actions = {
  addSchool(id) {
    view.schools = unique([...view.schools, id]);
    view.expand = unique([...view.expand, id]);
    view.selected = id;
    changed();
  },
  removeSchool(id) {
    view.schools = view.schools.filter(x => x !== id);
    view.expand = view.expand.filter(x => x !== id);
    if (view.selected === id) view.selected = '';
    changed();
  },
  toggleExpand(id) {
    detailsShown = null; // its Expand/Collapse button changes
    view.expand = view.expand.includes(id) ? view.expand.filter(x => x !== id) : [...view.expand, id];
    // A collapsed school the person added stays; one only reached through others goes with them.
    changed({ fit: false });
  },
  setPathEnd(end, id) {
    view[end] = id;
    changed();
  },
  filterBy(name, value) {
    view[name] = value;
    changed({ stats: true });
  },
  isExpanded: id => view.expand.includes(id),
  isAdded: id => view.schools.includes(id),
};

// ---------------------------------------------------------------- drawing

let generation = 0;
let lastLayout = 'cose';

async function ask(key, what, question) {
  if (answers.has(key)) return answers.get(key);
  try {
    const answer = await question();
    answers.set(key, answer);
    return answer;
  } catch (e) {
    showError(`Loading ${what}`, e);
    return undefined;
  }
}

function refreshGraph({ fit = true } = {}) {
  return track(draw(++generation, fit));
}

async function draw(mine, fit) {
  const filter = pairingFilter(view);
  const key = filterKey(view);
  const questions = [];
  for (const id of view.schools.filter(id => !view.expand.includes(id))) {
    questions.push({ key: `school|${id}`, what: `the school ${nameOf(id)}`, ask: () => api.schoolNode(id) });
  }
  for (const id of view.expand) {
    questions.push({ key: `around|${id}|${view.depth}|${view.groups}|${key}`, what: `the neighbourhood of ${nameOf(id)}`,
      ask: () => api.neighbourhood(id, view.depth, filter, view.groups) });
  }
  if (view.network) {
    questions.push({ key: `network|${view.groups}|${view.programs}|${key}`, what: 'the whole network of the filter', network: true,
      ask: () => api.network(filter, view.groups, view.programs) });
  }
  const wantPath = view.from && view.to;
  if (wantPath) {
    questions.push({ key: `path|${view.from}|${view.to}|${view.groups}|${key}`, what: 'the path', path: true,
      ask: () => api.path(view.from, view.to, filter, view.groups) });
  }
  const got = await Promise.all(questions.map(q => ask(q.key, q.what, q.ask)));
  if (mine !== generation) return;

  const model = new Model();
  let truncated = false;
  let pathFound = null;
  questions.forEach((q, i) => {
    const answer = got[i];
    if (q.path) pathFound = answer === undefined ? undefined : answer !== null;
    if (!answer) return;
    truncated = truncated || answer.truncated;
    model.addNetwork(answer, !!q.path);
  });
  for (const n of model.nodes.values()) {
    if (n.kind === 'School') names.set(n.id, n.label);
  }

  if (view.groups || view.programs) {
    const ids = model.schoolIds();
    const missing = ids.filter(id => !memberships.has(id));
    if (missing.length) {
      try {
        (await api.memberships(missing)).forEach((value, id) => memberships.set(id, value));
      } catch (e) {
        showError('Loading the groups and programs of the schools drawn', e);
      }
      if (mine !== generation) return;
    }
    model.addMemberships(new Map(ids.map(id => [id, memberships.get(id)])), view);
  }
  model.hide(view);

  const fresh = cy.nodes().empty();
  const elementsChanged = apply(cy, model.elements(lookup.colours, new Set(view.expand)));
  cy.elements().removeClass('path faded');
  const onPath = cy.elements().filter(el => model.path.has(el.id()));
  if (onPath.nonempty()) {
    onPath.addClass('path');
    cy.elements().not(onPath).addClass('faded');
  }
  legend();
  cy.resize(); // the legend below the graph may have grown or shrunk
  if (elementsChanged) lastLayout = layout(cy, fresh);
  if (elementsChanged || fit) fitView();

  showSelection();
  counts();
  notes({ truncated, pathFound, wantPath, layout: lastLayout });
  syncControls();
}

const MOST_ZOOM_WHEN_FITTING = 1.2; // a few nodes should not fill a laptop's screen

function fitView() {
  const onPath = cy.elements('.path');
  const shown = onPath.nonempty() ? onPath : cy.elements();
  if (shown.empty()) return;
  cy.fit(shown, 40);
  if (cy.zoom() > MOST_ZOOM_WHEN_FITTING) {
    cy.zoom(MOST_ZOOM_WHEN_FITTING);
    cy.center(shown);
  }
}

let detailsShown = null;

function showSelection(force = false) {
  const el = view.selected ? cy.getElementById(view.selected) : cy.collection();
  cy.elements(':selected').not(el).unselect();
  if (el.nonempty()) {
    el.select();
    if (force || detailsShown !== el.id()) {
      detailsShown = el.id();
      showTab('details');
      track(details.render($('details'), el, actions));
    }
  } else {
    if (view.selected && explorer.ready) {
      // The element left the view (collapsed, filtered out): so does its selection.
      view.selected = '';
      save();
    }
    if (detailsShown === null) return;
    detailsShown = null;
    $('details').replaceChildren(h('p', { class: 'muted' }, 'Click a school, group, program or line to see what the reports say about it.'));
  }
}

function select(id) {
  if (view.selected === id) return;
  view.selected = id;
  save();
  showSelection();
}

function notes({ truncated, pathFound, wantPath, layout }) {
  $('network-note').textContent = [
    truncated ? `Only the first ${api.EDGE_LIMIT} lines of an answer are drawn: narrow the filter to see all of it.` : '',
    layout === 'concentric' ? 'So many schools are laid out in rings, the most connected in the middle; for a force layout, export to Gephi.' : '',
  ].filter(Boolean).join(' ');
  $('remove-network').hidden = !view.network;
  let pathNote = 'Or use “Path from here” and “Path to here” in a school\'s details.';
  if (wantPath && pathFound === false) pathNote = `No chain of pairings${view.groups ? ' or shared groups' : ''} links ${nameOf(view.from)} and ${nameOf(view.to)} under this filter.`;
  else if (wantPath && pathFound) pathNote = `Path from ${nameOf(view.from)} to ${nameOf(view.to)}: ${cy.nodes('.path[kind = "School"]').length} schools, highlighted.`;
  else if (view.from || view.to) pathNote = `Now pick the ${view.from ? 'end' : 'start'} of the path.`;
  $('path-note').textContent = pathNote;
  $('empty-hint').hidden = cy.nodes().nonempty();
}

function counts() {
  const n = kind => cy.nodes(`[kind = "${kind}"]`).length;
  const parts = [`${n('School')} schools`, `${cy.edges('[cat = "pairing"]').length} pairings`];
  if (n('EducationGroup')) parts.push(`${n('EducationGroup')} groups`);
  if (n('Program')) parts.push(`${n('Program')} programs`);
  $('counts').textContent = parts.join(' · ') + ' drawn';
}

function legend() {
  const schools = cy.nodes('[kind = "School"]');
  const counties = new Map();
  let unknown = 0;
  schools.forEach(n => {
    const code = n.data('countyCode');
    if (code) counties.set(code, (counties.get(code) || 0) + 1);
    else unknown++;
  });
  const kinds = new Set(cy.edges('[cat = "pairing"]').map(e => e.data('kind')));
  const item = (swatch, text) => h('li', {}, swatch, text);
  const swatch = (cls, colour) => h('span', { class: 'swatch ' + cls, style: colour ? { background: colour } : null });
  const line = (colour, cls = '') => h('span', { class: 'swatch line ' + cls, style: { borderTopColor: colour } });
  const body = [
    h('li', { class: 'muted' }, 'Colour: county:'),
    [...counties.entries()].sort().map(([code, count]) => item(swatch('', lookup.colours.get(code) || UNKNOWN_COLOUR),
      `${lookup.regionByCode.has(code) ? lookup.regionByCode.get(code).name : code} (${count})`)),
    unknown ? item(swatch('', UNKNOWN_COLOUR), `county not known (${unknown})`) : null,
    h('li', { class: 'muted' }, 'Size: mentees drawn.'),
    item(swatch(''), 'school'),
    item(swatch('group'), 'education group'),
    item(swatch('program'), 'program'),
    item(swatch('synthetic'), 'synthetic (generated, not reported); dashed line too'),
    h('li', { class: 'muted' }, 'Lines: mentor → mentee:'),
    [...kinds].sort().map(k => item(line(KIND_COLOURS[k] || KIND_COLOURS.OTHER), kindLabel(k))),
    cy.edges('[cat = "member"]').nonempty() ? item(line(MEMBER_COLOUR, 'dotted'), 'member of a group') : null,
    cy.edges('[cat = "program"]').nonempty() ? item(line(PROGRAM_COLOUR, 'dotted'), 'takes part in a program') : null,
    cy.elements('.path').nonempty() ? item(line('#000', 'path'), 'the path') : null,
  ];
  const open = $('legend').querySelector('details') ? $('legend').querySelector('details').open : true;
  $('legend').replaceChildren(h('details', { open }, h('summary', {}, 'Legend'), h('ul', {}, body)));
  $('legend').hidden = schools.empty();
}

// ---------------------------------------------------------------- statistics

let statsGeneration = 0;

function refreshStats() {
  const mine = ++statsGeneration;
  $('stats-body').replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  $('coverage').replaceChildren();
  return track((async () => {
    let s;
    try {
      s = await api.stats(pairingFilter(view), view.level);
    } catch (e) {
      if (mine !== statsGeneration) return;
      showError('Loading the statistics', e);
      $('stats-body').replaceChildren(h('p', { class: 'error' }, 'No statistics: ' + e.message));
      return;
    }
    if (mine !== statsGeneration) return;
    const row = (label, value) => h('tr', {}, h('td', {}, label), h('td', {}, String(value)));
    $('stats-body').replaceChildren(
      h('table', { class: 'figures' }, h('tbody', {},
        row('Pairings', s.pairings),
        row('Schools in a pairing', s.schools),
        row('Mentors', s.mentors),
        row('Mentees', s.mentees),
        row('Pairings across counties', s.crossRegionPairings),
        row('Most mentees of one mentor', s.maxMenteesPerMentor),
        row('Mentees per mentor (mean)', s.meanMenteesPerMentor.toFixed(2)),
        row('Connected components', s.components),
        row('Schools in the largest', s.largestComponent))),
      h('h3', {}, 'Mentors with the most mentees'),
      s.topMentors.length
        ? h('ol', {}, s.topMentors.map(m => h('li', {},
          h('button', { type: 'button', class: 'link', title: 'Add to the view', onclick: () => actions.addSchool(m.school.id) }, m.school.name),
          ` · ${m.mentees} mentees${m.school.region ? ' · ' + m.school.region.name : ''}`)))
        : h('p', { class: 'muted' }, 'No mentor under this filter.'));
    const pct = (a, b) => (b ? Math.round((100 * a) / b) + '%' : '–');
    const headers = [['Region'], ['Schools'], ['Paired', 'Schools in at least one pairing'],
      ['Unpaired', 'Schools in no pairing'], ['%', 'Share of the schools that are paired'], ['Mentors / mentees']];
    $('coverage').replaceChildren(s.coverage.length ? h('table', { id: 'coverage-table' },
      h('thead', {}, h('tr', {}, headers.map(([t, title]) => h('th', { scope: 'col', title }, t)))),
      h('tbody', {}, s.coverage.map(c => h('tr', {},
        h('td', {}, c.region.name), h('td', {}, String(c.schools)), h('td', {}, String(c.pairedSchools)),
        h('td', {}, String(c.unpairedSchools)), h('td', {}, pct(c.pairedSchools, c.schools)),
        h('td', {}, `${c.mentors} / ${c.mentees}`)))))
      : h('p', { class: 'muted' }, 'No region of this level holds a school under this filter.'));
  })());
}

// ---------------------------------------------------------------- controls

function fillControls() {
  const region = $('region');
  region.replaceChildren(h('option', { value: '' }, 'All regions'));
  const children = new Map();
  for (const r of lookup.regions) {
    const parent = r.parent ? r.parent.code : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(r);
  }
  const walk = (parent, depth) => (children.get(parent) || []).sort((a, b) => a.code.localeCompare(b.code)).forEach(r => {
    region.append(h('option', { value: r.code }, '\u2003'.repeat(depth) + `${r.name} (${r.code})`));
    walk(r.code, depth + 1);
  });
  walk('', 0);

  const program = $('program');
  program.replaceChildren(h('option', { value: '' }, 'All programs'));
  const byKind = new Map();
  for (const p of lookup.programs) {
    if (!byKind.has(p.kind)) byKind.set(p.kind, []);
    byKind.get(p.kind).push(p);
  }
  const order = ['PARTNERSHIP', 'DESIGNATION', 'REFORM', 'SERVICE', 'OTHER'];
  [...byKind.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b)).forEach(kind => {
    program.append(h('optgroup', { label: kind.toLowerCase() }, byKind.get(kind)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .map(p => h('option', { value: p.id }, `${p.name}${p.region ? ' · ' + p.region.name : ''}${p.year ? ' · ' + p.year : ''}`))));
  });

  $('kinds').replaceChildren(h('legend', {}, 'Kinds (none ticked: all)'), ...lookup.kinds.map(k => h('label', {},
    h('input', { type: 'checkbox', value: k, onchange: () => {
      view.kinds = [...$('kinds').querySelectorAll('input:checked')].map(i => i.value);
      changed({ stats: true });
    } }), ' ', kindLabel(k))));
}

/** Puts the view into the controls (after a restore, or a change made elsewhere). */
function syncControls() {
  $('depth').value = String(view.depth);
  $('region').value = view.regionCode;
  $('program').value = view.programId;
  $('kinds').querySelectorAll('input').forEach(i => { i.checked = view.kinds.includes(i.value); });
  $('active-on').value = view.activeOn;
  $('show-groups').checked = view.groups;
  $('show-programs').checked = view.programs;
  $('coverage-level').value = view.level;
  for (const end of ['from', 'to']) {
    const input = $('path-' + end);
    if (document.activeElement !== input) input.value = view[end] ? nameOf(view[end]) : '';
  }
  const chips = [['mentorId', 'Mentor'], ['menteeId', 'Mentee']].filter(([name]) => view[name]).map(([name, label]) =>
    h('span', { class: 'chip' }, `${label}: ${nameOf(view[name])}`,
      h('button', { type: 'button', 'aria-label': `Remove the ${label.toLowerCase()} filter`, onclick: () => actions.filterBy(name, '') }, '×')));
  $('party-filters').replaceChildren(...chips);
}

function showTab(name) {
  for (const tab of ['details', 'stats']) {
    $('tab-' + tab).setAttribute('aria-selected', String(tab === name));
    $(tab).hidden = tab !== name;
  }
}

function wire() {
  schoolSearch($('search'), {
    placeholder: '盘屿, 十六中 …',
    onPick: school => {
      names.set(school.id, school.name);
      $('search').value = '';
      actions.addSchool(school.id);
    },
    onError: e => showError('Searching', e),
  });
  for (const end of ['from', 'to']) {
    schoolSearch($('path-' + end), {
      placeholder: end === 'from' ? 'first school' : 'second school',
      onPick: school => {
        names.set(school.id, school.name);
        $('path-' + end).value = school.name;
        actions.setPathEnd(end, school.id);
      },
      onError: e => showError('Searching', e),
    });
  }
  $('depth').addEventListener('change', e => { view.depth = Number(e.target.value); changed(); });
  $('region').addEventListener('change', e => { view.regionCode = e.target.value; changed({ stats: true }); });
  $('program').addEventListener('change', e => { view.programId = e.target.value; changed({ stats: true }); });
  $('active-on').addEventListener('change', e => { view.activeOn = e.target.value; changed({ stats: true }); });
  $('show-groups').addEventListener('change', e => { view.groups = e.target.checked; changed(); });
  $('show-programs').addEventListener('change', e => { view.programs = e.target.checked; changed(); });
  $('coverage-level').addEventListener('change', e => { view.level = e.target.value; save(); refreshStats(); });
  $('clear-filters').addEventListener('click', () => {
    Object.assign(view, { programId: '', kinds: [], regionCode: '', mentorId: '', menteeId: '', activeOn: '' });
    changed({ stats: true });
  });
  $('draw-network').addEventListener('click', () => { view.network = true; changed(); });
  $('remove-network').addEventListener('click', () => { view.network = false; changed(); });
  $('clear-path').addEventListener('click', () => { view.from = ''; view.to = ''; changed(); });
  $('clear').addEventListener('click', () => {
    const kept = emptyView();
    for (const name of ['depth', 'programId', 'kinds', 'regionCode', 'mentorId', 'menteeId', 'activeOn', 'groups', 'programs', 'level']) {
      kept[name] = view[name];
    }
    view = kept;
    changed();
  });
  $('refresh').addEventListener('click', () => {
    answers.clear();
    memberships.clear();
    detailsShown = null;
    changed({ stats: true });
  });
  $('fit').addEventListener('click', fitView);
  $('relayout').addEventListener('click', () => { lastLayout = layout(cy, true); fitView(); });
  $('tab-details').addEventListener('click', () => showTab('details'));
  $('tab-stats').addEventListener('click', () => showTab('stats'));

  // Back and Forward go through the views the person made.
  window.addEventListener('popstate', () => {
    view = readView(window.location.search);
    detailsShown = null;
    clearErrors();
    syncControls();
    refreshGraph();
    refreshStats();
  });

  cy.on('tap', 'node, edge', e => select(e.target.id()));
  cy.on('tap', e => { if (e.target === cy) select(''); });
  cy.on('dbltap', 'node[kind = "School"]', e => {
    if (!view.expand.includes(e.target.id())) actions.toggleExpand(e.target.id());
  });
}

async function start() {
  wire();
  save();
  if (!view.selected) showTab('stats');
  try {
    const data = await track(api.lookups());
    lookup.regions = data.regions;
    lookup.programs = data.programs;
    lookup.kinds = data.kinds.enumValues.map(v => v.name);
    lookup.colours = countyColours(data.regions);
    data.regions.forEach(r => lookup.regionByCode.set(r.code, r));
    // A link may name a kind the API does not know (mistyped, or since renamed): say so and
    // leave it out, rather than have every question refused.
    const unknown = view.kinds.filter(k => !lookup.kinds.includes(k));
    if (unknown.length) {
      showError('The link', new Error(`no pairing kind is called ${unknown.join(', ')}; left out of the filter`));
      view.kinds = view.kinds.filter(k => lookup.kinds.includes(k));
      save();
    }
  } catch (e) {
    showError('Loading the regions and programs', e);
  }
  fillControls();
  syncControls();
  await Promise.all([refreshGraph(), refreshStats()]);
  explorer.ready = true;
}

start();
