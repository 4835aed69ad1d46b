// The explorer: a view (what is on screen, kept in the address), redrawn from the public
// GraphQL API whenever it changes. Answers are cached per question and filter, so
// expanding one more school asks only about that school.

import * as api from './api.js';
import { readView, writeView, pairingFilter, exportQuery, emptyView, REGIONS_ABOVE } from './view.js';
import { addRegions, isRegionId, regionCodeOf, HEAVIEST_EACH_WAY } from './regions.js';
import { Model, style, apply, layout, countyColours, legibleNames, FONT } from './graph.js';
import { restyle, drawLegend, MEASURES } from './styling.js';
import { timeSlider } from './time.js';
import { pairingsTable } from './pairings.js';
import { coverageMap } from './map.js';
import { openBrief } from './brief.js';
import * as details from './details.js';
import { schoolSearch } from './search.js';
import { h, kindLabel } from './dom.js';
import { answers, launch, askFirst, questionsOf, LOOKUPS, sizeKey, regionsKey } from './questions.js';
import { fastPanning } from './panning.js';

const $ = id => document.getElementById(id);

let view = readView(window.location.search);
const lookup = { regions: [], programs: [], kinds: [], colours: new Map(), regionByCode: new Map() };
const memberships = new Map();  // school id -> its groups and programs
const names = new Map();        // school id -> name, for path ends and filter chips

// ?webgl=1 tries Cytoscape's WebGL renderer (3.31+), which draws large networks faster.
const webgl = new URLSearchParams(window.location.search).get('webgl') === '1';
const cy = cytoscape({
  container: $('cy'), style: style(), minZoom: 0.02, maxZoom: 2.5,
  boxSelectionEnabled: false, selectionType: 'single',
  ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
});

const schoolNames = legibleNames(cy);

// A picture of more than TEXTURE_ABOVE elements is not drawn again element by element at
// each frame of a gesture: the mouse's drags and wheel are panning.js's (below); a finger's
// pinch and swipe are Cytoscape's, which moves a texture of the view (its textureOnViewport)
// and draws the elements again when the motion ends.
const TEXTURE_ABOVE = 2000;
let sizeCheck = false;
cy.on('add remove', () => {
  if (sizeCheck) return;
  sizeCheck = true;
  queueMicrotask(() => {
    sizeCheck = false;
    const renderer = cy.renderer();
    if (renderer && 'textureOnViewport' in renderer) renderer.textureOnViewport = cy.elements().length > TEXTURE_ABOVE;
  });
});

// Above the same size the mouse moves the picture as drawn (panning.js): Cytoscape's texture would be drawn first.
const panning = fastPanning(cy, () => TEXTURE_ABOVE);

let legendSections = [];
const explorer = { cy, busy: 0, ready: false, panning, get view() { return view; }, get legend() { return legendSections; } };
window.explorer = explorer; // for people in the console, and for the browser tests

// When each phase of the first view ended, in ms since navigation (performance.now()), and
// how long the first layout took: what ExplorerBenchmark prints, and anyone may read in the console.
const timings = {};
explorer.timings = timings;
const mark = name => { if (!(name in timings)) timings[name] = Math.round(performance.now()); };
mark('script');

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
/** How the page's messages name what a question is about. */
const questionNames = { school: nameOf, region: code => regionName(code) };

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
  if (stats) {
    refreshStats();
    time.refresh();
  }
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
  /** Draws a county of a network drawn as regions as its schools, or folds them back into the county. */
  toggleRegion(code) {
    view.openRegions = view.openRegions.includes(code) ? view.openRegions.filter(c => c !== code) : [...view.openRegions, code];
    changed({ fit: false });
  },
  isExpanded: id => view.expand.includes(id),
  isAdded: id => view.schools.includes(id),
};

// ---------------------------------------------------------------- drawing

let generation = 0;

/** Once the frame after this one has been drawn (or a quarter of a second has passed, as in a tab in the background). */
function nextFrame() {
  return new Promise(resolve => {
    setTimeout(resolve, 250);
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  });
}
let lastLayout = 'force';
let regionsDrawn = null;  // a network drawn as counties: its counties and flows (regions.addRegions)
let drawnCounties = null; // their codes (opened ones too), for the layout

/** The answer to a question, asked once however many wait for it; undefined (and the error shown) when refused. */
async function ask(key, what, question) {
  if (answers.has(key)) return answers.get(key);
  try {
    return await launch(key, question);
  } catch (e) {
    showError(`Loading ${what}`, e);
    return undefined;
  }
}

function refreshGraph({ fit = true } = {}) {
  return track(draw(++generation, fit));
}

/** Whether the region `code` is `ancestor` or lies inside it (by the regions' parents). */
function within(code, ancestor) {
  for (let r = lookup.regionByCode.get(code), seen = 0; r && seen < 10; r = r.parent && lookup.regionByCode.get(r.parent.code), seen++) {
    if (r.code === ancestor) return true;
  }
  return code === ancestor;
}

/** The part of a network answer whose pairings have a school located in `region`, and the nodes they link. */
function touching(answer, region) {
  const inRegion = new Set(answer.nodes.filter(n => n.school && n.school.region && within(n.school.region.code, region)).map(n => n.id));
  const edges = answer.edges.filter(e => inRegion.has(e.source) || inRegion.has(e.target));
  const linked = new Set(edges.flatMap(e => [e.source, e.target]));
  return { ...answer, nodes: answer.nodes.filter(n => linked.has(n.id)), edges };
}

const regionName = code => (lookup.regionByCode.get(code) || { name: code }).name;
let drawnAs = null; // how the whole network is drawn: null (no whole network), 'regions' or 'schools', and why

async function draw(mine, fit) {
  // A whole network: drawn as counties when chosen, or (nothing chosen) when it has more than REGIONS_ABOVE schools.
  // The size is one small question; the counties' network (coverage and flows) is asked only when it is drawn.
  let regions = null;
  let asRegions = view.network && view.scale === 'regions';
  if (view.network && view.scale === '') {
    const size = await ask(sizeKey(view), 'the size of the network', () => api.networkSize(pairingFilter(view)));
    if (mine !== generation) return;
    asRegions = size !== undefined && size > REGIONS_ABOVE;
  }
  if (asRegions) {
    regions = await ask(regionsKey(view), 'the network of regions', () => api.regionNetwork(pairingFilter(view)));
    if (mine !== generation) return;
  }
  drawnAs = !view.network ? null : { as: regions ? 'regions' : 'schools', schools: regions ? regions.schools : null };
  const questions = questionsOf(view, !!regions, questionNames);
  const wantPath = view.from && view.to;
  const got = await Promise.all(questions.map(q => ask(q.key, q.what, q.ask)));
  if (mine !== generation) return;
  mark('fetched');

  const model = new Model(lookup.regionByCode);
  let truncated = false;
  let pathFound = null;
  questions.forEach((q, i) => {
    const answer = got[i];
    if (q.path) pathFound = answer === undefined ? undefined : answer !== null;
    if (!answer) return;
    truncated = truncated || answer.truncated;
    // A county opened outside the filter's region (a partner's): its pairings with the region only, as the filter selects.
    const outside = q.county && view.regionCode && !within(q.county, view.regionCode);
    model.addNetwork(outside ? touching(answer, view.regionCode) : answer, !!q.path);
  });
  regionsDrawn = regions ? addRegions(model, regions, lookup.regionByCode, new Set(view.openRegions), view.allFlows) : null;
  drawnCounties = regionsDrawn ? [...regionsDrawn.counties.keys()] : null;
  for (const n of model.nodes.values()) {
    if (n.kind === 'School') names.set(n.id, n.label);
  }

  if (view.groups || view.programs || view.colour === 'program') {
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
    if (view.groups || view.programs) model.addMemberships(new Map(ids.map(id => [id, memberships.get(id)])), view);
  }
  model.hide(view);

  const fresh = cy.nodes().empty();
  const elementsChanged = apply(cy, model.elements(lookup.colours, new Set(view.expand)));
  if (cy.nodes().nonempty()) mark('applied');
  cy.elements().removeClass('path faded');
  const onPath = cy.elements().filter(el => model.path.has(el.id()));
  if (onPath.nonempty()) {
    onPath.addClass('path');
    cy.elements().not(onPath).addClass('faded');
  }
  time.mark(cy);
  restyleAndLegend();
  cy.resize(); // the legend below the graph may have grown or shrunk
  schoolNames.check(false); // a small picture is named before its layout, which makes room for the names
  if (elementsChanged) {
    const t = performance.now();
    lastLayout = layout(cy, fresh, view, drawnCounties);
    if (!('layoutMs' in timings) && cy.nodes().nonempty()) timings.layoutMs = Math.round(performance.now() - t);
  }
  if (elementsChanged || fit) fitView();
  schoolNames.check();
  if (cy.nodes().nonempty()) mark('laidOut');
  if (!('drawn' in timings) && cy.nodes().nonempty()) {
    // The first frame with the picture: Cytoscape draws on the next animation frame.
    requestAnimationFrame(() => requestAnimationFrame(() => mark('drawn')));
  }

  showSelection();
  counts();
  if (!$('pairings').hidden) table.render(); // else when its tab is shown
  notes({ truncated, pathFound, wantPath, layout: lastLayout });
  regionButtons();
  syncControls();
  if (cy.nodes().nonempty()) mark('drawCalled');
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

/** The selection and its neighbours stand out; the rest steps back (unless a path is shown). */
function highlightNeighbours(el) {
  cy.elements().removeClass('dim');
  if (el.empty() || cy.elements('.path').nonempty()) return;
  const keep = el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes());
  cy.elements().not(keep).addClass('dim');
}

function showSelection(force = false, keepTab = false) {
  const el = view.selected ? cy.getElementById(view.selected) : cy.collection();
  cy.elements(':selected').not(el).unselect();
  highlightNeighbours(el);
  if (el.nonempty()) {
    el.select();
    if (force || detailsShown !== el.id()) {
      detailsShown = el.id();
      // A restored link keeps its tab; a click shows the details (unless made in the table).
      if (!keepTab && (explorer.ready || !view.tab)) showTab('details', explorer.ready);
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

function select(id, keepTab = false) {
  if (view.selected === id) return;
  view.selected = id;
  save();
  showSelection(false, keepTab);
}

function notes({ truncated, pathFound, wantPath, layout }) {
  $('network-note').textContent = [
    truncated ? `Only the first ${api.EDGE_LIMIT} lines of an answer are drawn: narrow the filter to see all of it.` : '',
    layout === 'concentric' && view.layout === 'force' ? 'So many schools are laid out in rings, the most connected in the middle; for a force layout, export to Gephi.' : '',
    drawnAs && drawnAs.as === 'regions' ? (view.scale === 'regions'
      ? 'Drawn as counties, as chosen: each county is one square; click one (or its button above) to draw its schools.'
      : `Drawn as counties: the filter's network has ${drawnAs.schools.toLocaleString('en')} schools, more than ${REGIONS_ABOVE.toLocaleString('en')}. Each county is one square; click one (or its button above) to draw its schools.`) : '',
    regionsDrawn && regionsDrawn.flowsDrawn < regionsDrawn.flows
      ? `${regionsDrawn.flowsDrawn.toLocaleString('en')} of the ${regionsDrawn.flows.toLocaleString('en')} flows between the counties drawn: each county's ${HEAVIEST_EACH_WAY} heaviest out and in (tick “Every flow between counties” for all).` : '',
  ].filter(Boolean).join(' ');
  $('remove-network').hidden = !view.network;
  let pathNote = 'Or use “Path from here” and “Path to here” in a school\'s details.';
  if (wantPath && pathFound === false) pathNote = `No chain of pairings${view.groups ? ' or shared groups' : ''} links ${nameOf(view.from)} and ${nameOf(view.to)} under this filter.`;
  else if (wantPath && pathFound) pathNote = `Path from ${nameOf(view.from)} to ${nameOf(view.to)}: ${cy.nodes('.path[kind = "School"]').length} schools, highlighted.`;
  else if (view.from || view.to) pathNote = `Now pick the ${view.from ? 'end' : 'start'} of the path.`;
  $('path-note').textContent = pathNote;
  $('empty-hint').hidden = cy.nodes().nonempty();
}

/**
 * A network drawn as counties: a button per county, to draw its schools or fold them back
 * (the keyboard's way to what a click on a county's square does).
 */
function regionButtons() {
  const box = $('region-nodes');
  if (!drawnAs || drawnAs.as !== 'regions') {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const shown = new Map(cy.nodes('[kind = "Region"]').map(n => [n.data('code'), n]));
  const codes = [...new Set([...view.openRegions, ...shown.keys()])].sort();
  box.hidden = false;
  box.replaceChildren(h('p', { class: 'hint', id: 'region-nodes-hint' }, 'Counties drawn (Enter on one draws its schools, again folds them back):'),
    h('ul', { class: 'region-list', 'aria-describedby': 'region-nodes-hint' }, codes.map(code => {
      const open = view.openRegions.includes(code);
      const node = shown.get(code);
      const text = open ? `${regionName(code)}: schools drawn` : node.data('label').replace('\n', ': ');
      return h('li', {}, h('button', {
        type: 'button', class: 'link', 'aria-pressed': String(open), dataset: { code },
        'aria-label': open ? `Fold the schools of ${regionName(code)} back into the county` : `Draw the schools of ${text}`,
        onclick: () => actions.toggleRegion(code),
      }, text));
    })));
}

function counts() {
  const n = kind => cy.nodes(`[kind = "${kind}"]`).length;
  const parts = n('Region') && !n('School') ? [] : [`${n('School')} schools`, `${cy.edges('[cat = "pairing"]').length} pairings`];
  if (n('EducationGroup')) parts.push(`${n('EducationGroup')} groups`);
  if (n('Program')) parts.push(`${n('Program')} programs`);
  if (n('Region')) parts.unshift(`${n('Region')} counties`, `${cy.edges('[cat = "flow"]').length} flows between them`);
  $('counts').textContent = parts.join(' · ') + ' drawn';
}

/** Sizes and colours the schools as the view says, and draws the legend that states the scales. */
function restyleAndLegend() {
  legendSections = restyle(cy, view, { countyColours: lookup.colours, regionByCode: lookup.regionByCode, programOf });
  const regionNodes = cy.nodes('[kind = "Region"]');
  if (regionNodes.nonempty()) {
    const most = regionNodes.max(n => n.data('pairings')).value;
    const flows = cy.edges('[cat = "flow"]');
    // Only counties drawn: the schools' scales say nothing.
    if (cy.nodes('[kind = "School"]').empty()) legendSections = [];
    legendSections.unshift({ title: 'Counties (the network drawn as regions)', items: [
      { swatch: 'region', colour: '#9aa7b8', text: `a county standing for its schools (${regionNodes.length}): the larger, the more pairings with a school there (up to ${most.toLocaleString('en')}); its colour is the county's` },
      { swatch: 'line', colour: '#6b7b99', text: `pairings from the mentors' county to the mentees' (${flows.length} flows): the wider, the more${flows.nonempty() ? ` (up to ${flows.max(e => e.data('pairings')).value.toLocaleString('en')})` : ''}` },
    ] });
  }
  const swatch = item => {
    switch (item.swatch) {
      case 'line': return h('span', { class: 'swatch line' + (item.dotted ? ' dotted' : '') + (item.wide ? ' path' : ''), style: { borderTopColor: item.colour } });
      case 'halo': return h('span', { class: 'swatch halo', style: { background: item.colour } });
      case 'ring': return h('span', { class: 'swatch ring', style: { borderColor: item.colour } });
      case 'size': return h('span', { class: 'swatch', style: { width: `${Math.min(item.size / 2, 18)}px`, height: `${Math.min(item.size / 2, 18)}px`, background: item.colour } });
      case 'group': case 'program': case 'synthetic': return h('span', { class: 'swatch ' + item.swatch });
      case 'region': return h('span', { class: 'swatch region', style: { background: item.colour } });
      default: return h('span', { class: 'swatch', style: { background: item.colour } });
    }
  };
  const body = legendSections.map(section => [h('li', { class: 'muted legend-title' }, section.title),
    section.items.map(item => h('li', {}, swatch(item), item.text))]);
  const open = $('legend').querySelector('details') ? $('legend').querySelector('details').open : true;
  $('legend').replaceChildren(h('details', { open }, h('summary', {}, 'Legend'), h('ul', {}, body)));
  $('legend').hidden = cy.nodes('[kind = "School"], [kind = "Region"]').empty();
}

/** A school's program for colouring: the first by name of those it takes part in. */
function programOf(id) {
  const m = memberships.get(id);
  if (!m || !m.programs || !m.programs.length) return undefined;
  return m.programs.map(p => p.program).sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id))[0];
}

/** The current picture, whole, with its legend below it, as a PNG blob. */
async function picturePng() {
  schoolNames.all();
  const box = cy.elements().boundingBox();
  const scale = Math.max(0.25, Math.min(2, 8000 / Math.max(box.w || 1, box.h || 1)));
  const bitmap = await createImageBitmap(cy.png({ full: true, scale, output: 'blob', bg: '#ffffff' }));
  const width = Math.max(bitmap.width, 1000);
  const scratch = document.createElement('canvas');
  scratch.width = width;
  scratch.height = 4000;
  const legendHeight = drawLegend(scratch.getContext('2d'), legendSections, 0, 0, width, 1.5, FONT);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = bitmap.height + legendHeight;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, Math.round((width - bitmap.width) / 2), 0);
  ctx.strokeStyle = '#d9d9d9';
  ctx.beginPath(); ctx.moveTo(0, bitmap.height + 0.5); ctx.lineTo(width, bitmap.height + 0.5); ctx.stroke();
  drawLegend(ctx, legendSections, 0, bitmap.height, width, 1.5, FONT);
  return new Promise((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error('The picture could not be made'))), 'image/png'));
}

function pictureName(extension) {
  const parts = ['edugraph', view.regionCode || view.programId || 'network', view.activeOn, view.size !== 'mentees' ? view.size : '',
    view.colour !== 'county' ? view.colour : ''].filter(Boolean);
  return parts.join('-') + '.' + extension;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// ---------------------------------------------------------------- statistics

let statsGeneration = 0;
let lastStats = null;

function refreshStats() {
  map.refresh().then(() => mark('map'));
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
    lastStats = s;
    mark('stats');
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

// ---------------------------------------------------------------- time, table, map

const ACTIVE_ON_NOTE = 'A day as YYYY-MM-DD (2022-09-01): only the pairings running that day.';

function isDay(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(text + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const time = timeSlider({
  slider: $('time-slider'), play: $('time-play'), note: $('time-note'), changes: $('time-changes'),
  view: () => view, track, showError, nameOf,
  setDay: day => {
    view.activeOn = day;
    clearErrors();
    save({ push: false });
    refreshGraph({ fit: false });
    refreshStats();
    syncControls();
  },
  marked: () => { time.mark(cy); restyleAndLegend(); },
  busy: () => explorer.busy > 0,
});
explorer.time = time;

const table = pairingsTable({
  body: $('pairings-body'), cy, nameOf,
  select: id => {
    select(id, true);
    const el = cy.getElementById(id);
    if (el.nonempty()) cy.animate({ center: { eles: el }, duration: 0 });
  },
});

const map = coverageMap({
  tiles: $('tile-map'), flows: $('flows'), flowsLevel: $('flows-level'), view: () => view, track, showError,
  regionByCode: code => lookup.regionByCode.get(code),
  filterTo: code => { view.regionCode = code; changed({ stats: true }); },
});

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
  // A link may name a region that holds no school: it stays chosen, under its code.
  if (view.regionCode && !lookup.regionByCode.has(view.regionCode)) {
    region.append(h('option', { value: view.regionCode }, view.regionCode));
  }

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
  $('size-by').value = view.size;
  $('colour-by').value = view.colour;
  $('layout').value = view.layout;
  $('scale').value = view.scale;
  $('all-flows').checked = view.allFlows;
  time.sync();
  for (const end of ['from', 'to']) {
    const input = $('path-' + end);
    if (document.activeElement !== input) input.value = view[end] ? nameOf(view[end]) : '';
  }
  const chips = [['mentorId', 'Mentor'], ['menteeId', 'Mentee']].filter(([name]) => view[name]).map(([name, label]) =>
    h('span', { class: 'chip' }, `${label}: ${nameOf(view[name])}`,
      h('button', { type: 'button', 'aria-label': `Remove the ${label.toLowerCase()} filter`, onclick: () => actions.filterBy(name, '') }, '×')));
  $('party-filters').replaceChildren(...chips);
}

const TAB_NAMES = ['details', 'stats', 'pairings', 'map'];

/** Shows a tab of the side panel; remember: the person chose it, so the address keeps it. */
function showTab(name, remember = false) {
  for (const tab of TAB_NAMES) {
    $('tab-' + tab).setAttribute('aria-selected', String(tab === name));
    $('tab-' + tab).tabIndex = tab === name ? 0 : -1;
    $(tab).hidden = tab !== name;
  }
  if (name === 'pairings') table.render();
  if (remember && view.tab !== name) {
    view.tab = name;
    save();
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
  $('active-on').addEventListener('change', e => {
    const day = e.target.value.trim();
    if (day && !isDay(day)) {
      e.target.setAttribute('aria-invalid', 'true');
      $('active-on-note').textContent = `“${day}” is not a day: write it as YYYY-MM-DD, for example 2022-09-01.`;
      return;
    }
    e.target.removeAttribute('aria-invalid');
    $('active-on-note').textContent = ACTIVE_ON_NOTE;
    view.activeOn = day;
    changed({ stats: true });
  });
  $('size-by').addEventListener('change', e => {
    view.size = e.target.value;
    save({ push: true });
    restyleAndLegend();
    if (view.layout === 'concentric') { lastLayout = layout(cy, false, view, drawnCounties); fitView(); }
  });
  $('colour-by').addEventListener('change', e => {
    view.colour = e.target.value;
    save({ push: true });
    if (view.colour === 'program') refreshGraph({ fit: false }); // the schools' programs are asked for
    else restyleAndLegend();
  });
  $('layout').addEventListener('change', e => {
    view.layout = e.target.value;
    save({ push: true });
    lastLayout = layout(cy, true, view, drawnCounties);
    fitView();
    notes({ layout: lastLayout });
  });
  $('save-png').addEventListener('click', () => track(picturePng().then(b => download(b, pictureName('png')))
    .catch(e => showError('Saving the picture', e))));
  $('open-brief').addEventListener('click', () => track(openBrief({
    cy, view, stats: lastStats, legend: $('legend'), filter: pairingFilter(view), regionByCode: lookup.regionByCode,
    programs: lookup.programs, picture: () => { schoolNames.all(); return cy.png({ full: true, scale: 1, output: 'base64uri', bg: '#ffffff' }); },
  }).catch(e => showError('Making the brief', e))));
  $('show-groups').addEventListener('change', e => { view.groups = e.target.checked; changed(); });
  $('show-programs').addEventListener('change', e => { view.programs = e.target.checked; changed(); });
  $('coverage-level').addEventListener('change', e => { view.level = e.target.value; save(); refreshStats(); });
  $('clear-filters').addEventListener('click', () => {
    Object.assign(view, { programId: '', kinds: [], regionCode: '', mentorId: '', menteeId: '', activeOn: '' });
    changed({ stats: true });
  });
  $('draw-network').addEventListener('click', () => { view.network = true; changed(); });
  $('scale').addEventListener('change', e => { view.scale = e.target.value; changed(); });
  $('all-flows').addEventListener('change', e => { view.allFlows = e.target.checked; changed(); });
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
  $('relayout').addEventListener('click', () => { lastLayout = layout(cy, true, view, drawnCounties); fitView(); });
  TAB_NAMES.forEach((tab, i) => {
    $('tab-' + tab).addEventListener('click', () => showTab(tab, true));
    // The tab list from the keyboard: ArrowLeft and ArrowRight move between the tabs.
    $('tab-' + tab).addEventListener('keydown', e => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = TAB_NAMES[(i + step + TAB_NAMES.length) % TAB_NAMES.length];
      showTab(next, true);
      $('tab-' + next).focus();
    });
  });

  // Back and Forward go through the views the person made.
  window.addEventListener('popstate', () => {
    view = readView(window.location.search);
    detailsShown = null;
    clearErrors();
    syncControls();
    refreshGraph();
    refreshStats();
    time.refresh();
  });

  cy.on('tap', 'node, edge', e => {
    if (isRegionId(e.target.id())) actions.toggleRegion(regionCodeOf(e.target.id()));
    else select(e.target.id());
  });
  cy.on('tap', e => { if (e.target === cy) select(''); });
  cy.on('dbltap', 'node[kind = "School"]', e => {
    if (!view.expand.includes(e.target.id())) actions.toggleExpand(e.target.id());
  });
}

async function start() {
  wire();
  save();
  if (view.tab) showTab(view.tab);
  else if (!view.selected) showTab('stats');
  // The view's questions before the page needs them (early.js asked them already; kept or on their way, none twice).
  askFirst(view, questionNames);
  try {
    const data = await track(launch(LOOKUPS, () => api.lookups()));
    mark('lookups');
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
  // The picture first: the statistics, the map and the time slider are asked for once it is
  // on the screen, so that neither their answers (at the server, which shares the machine's
  // cores) nor their pages stand in front of its layout and its first frame.
  const drawn = refreshGraph();
  await drawn.catch(() => {});
  await nextFrame();
  await Promise.all([drawn, refreshStats(), time.refresh().then(() => mark('time'))]);
  mark('ready');
  explorer.ready = true;
}

start();
