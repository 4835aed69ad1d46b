// The printable brief: one page (print CSS) with the picture, its legend, the statistics
// of the filter, the top schools by the measure the schools are sized by, and for each
// highlighted pairing (on the path, started at the time step, selected, or of the
// selected school) the report's quoted words and their section. The browser prints it,
// or saves it as PDF.

import * as api from './api.js';
import { h, kindLabel } from './dom.js';
import { MEASURES, format } from './styling.js';

const MOST_PAIRINGS = 12;

function describeFilter(view, regionByCode, programs) {
  const parts = [];
  if (view.regionCode) parts.push(`region ${regionByCode.has(view.regionCode) ? regionByCode.get(view.regionCode).name : view.regionCode}`);
  if (view.programId) {
    const p = programs.find(x => x.id === view.programId);
    parts.push(`program ${p ? p.name : view.programId}`);
  }
  if (view.kinds.length) parts.push(`kinds ${view.kinds.map(kindLabel).join(', ')}`);
  if (view.activeOn) parts.push(`active on ${view.activeOn}`);
  return parts.length ? parts.join('; ') : 'every pairing';
}

/** The pairings the picture highlights, by id (without the 'e:' of their edges). */
function highlighted(cy, view) {
  let edges = cy.edges('[cat = "pairing"]').filter('.path, .started');
  const selected = view.selected ? cy.getElementById(view.selected) : cy.collection();
  if (selected.nonempty()) {
    edges = edges.union(selected.isEdge() ? selected.filter('[cat = "pairing"]') : selected.connectedEdges('[cat = "pairing"]'));
  }
  return edges.map(e => e.data('ref')).sort().slice(0, MOST_PAIRINGS);
}

export async function openBrief({ cy, view, stats, legend, filter, regionByCode, programs, picture }) {
  const brief = document.getElementById('brief');
  const measure = MEASURES[view.size].api ? view.size : 'degree';
  const [ranking, pairings] = await Promise.all([
    api.ranking(filter, MEASURES[measure].api, 10),
    Promise.all(highlighted(cy, view).map(id => api.pairingDetails(id))),
  ]);
  const figures = stats ? h('table', { class: 'figures' }, h('tbody', {}, [
    ['Pairings', stats.pairings], ['Schools in a pairing', stats.schools], ['Mentors', stats.mentors], ['Mentees', stats.mentees],
    ['Pairings across counties', stats.crossRegionPairings], ['Connected components', stats.components],
    ['Schools in the largest', stats.largestComponent],
  ].map(([label, value]) => h('tr', {}, h('td', {}, label), h('td', {}, String(value)))))) : h('p', { class: 'muted' }, 'No statistics loaded.');
  const legendList = legend.querySelector('ul') ? legend.querySelector('ul').cloneNode(true) : null;
  const close = h('button', { type: 'button', id: 'brief-close' }, 'Close the brief');
  const print = h('button', { type: 'button', id: 'brief-print' }, 'Print or save as PDF');
  const hide = () => {
    brief.hidden = true;
    document.body.classList.remove('briefing');
    document.getElementById('open-brief').focus();
  };
  close.addEventListener('click', hide);
  print.addEventListener('click', () => window.print());
  brief.onkeydown = e => { if (e.key === 'Escape') hide(); };

  brief.replaceChildren(
    h('div', { class: 'brief-actions' }, print, close),
    h('h1', {}, 'EduGraph brief'),
    h('p', { class: 'muted' }, `Pairings selected: ${describeFilter(view, regionByCode, programs)}. Made ${new Date().toISOString().slice(0, 10)} from ${window.location.href}`),
    h('img', { class: 'brief-picture', src: picture(), alt: 'The network as drawn in the explorer' }),
    legendList ? h('div', { class: 'brief-legend' }, legendList) : null,
    h('div', { class: 'brief-columns' },
      h('section', {}, h('h2', {}, 'Statistics'), figures),
      h('section', {}, h('h2', {}, `Top schools by ${MEASURES[measure].label}`),
        ranking.length ? h('ol', { id: 'brief-top' }, ranking.map(r => h('li', {}, r.school.name,
          h('span', { class: 'muted' }, ` · ${format(measure, r.value)}${r.school.region ? ' · ' + r.school.region.name : ''}`))))
          : h('p', { class: 'muted' }, 'No school under this filter.'))),
    h('section', { id: 'brief-pairings' }, h('h2', {}, 'Highlighted pairings: what the reports say'),
      pairings.filter(Boolean).length ? pairings.filter(Boolean).map(p => h('div', { class: 'brief-pairing' },
        h('h3', {}, `${p.mentor.name} → ${p.mentee.name}`, h('span', { class: 'muted' },
          ` · ${kindLabel(p.kind)}${p.startDate ? ' · from ' + p.startDate : ''}${p.endDate ? ' to ' + p.endDate : ''}`)),
        p.sources.length ? p.sources.map(s => h('div', { class: 'brief-source' },
          h('span', { class: 'source-title' }, s.title), s.section ? h('span', { class: 'source-section' }, ` · section ${s.section}`) : null,
          s.quote ? h('blockquote', {}, s.quote) : h('p', { class: 'muted' }, 'No quoted words recorded.')))
          : h('p', { class: 'muted' }, 'No source recorded.')))
        : h('p', { class: 'muted' }, 'No pairing is highlighted: select a school or pairing, show a path, or step the time slider.')));
  document.body.classList.add('briefing');
  brief.hidden = false;
  print.focus();
}
