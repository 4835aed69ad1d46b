// The coverage map: a tile per county (a square, no boundary data, no tiles from the
// internet), grouped by prefecture, coloured by the share of its schools in a selected
// pairing (networkStats.coverage); a click filters the network to the county. Beside it
// the pairings from region to region (regionFlows) as a matrix.

import * as api from './api.js';
import { pairingFilter } from './view.js';
import { h } from './dom.js';
import { RAMP } from './styling.js';

export function coverageMap({ tiles, flows, flowsLevel, view, track, showError, filterTo }) {
  let generation = 0;

  const percent = (a, b) => (b ? Math.round((100 * a) / b) : 0);
  const colourOf = share => RAMP[Math.min(RAMP.length - 1, Math.floor(share / (100 / RAMP.length)))];

  function renderTiles(rows) {
    if (!rows.length) {
      tiles.replaceChildren(h('p', { class: 'muted' }, 'No county holds a school under this filter.'));
      return;
    }
    const byPrefecture = new Map();
    for (const c of rows) {
      const parent = c.region.parent || { code: '', name: 'prefecture not known' };
      if (!byPrefecture.has(parent.code)) byPrefecture.set(parent.code, { parent, counties: [] });
      byPrefecture.get(parent.code).counties.push(c);
    }
    const groups = [...byPrefecture.values()].sort((a, b) => a.parent.code.localeCompare(b.parent.code)).map(({ parent, counties }) =>
      h('div', { class: 'prefecture', role: 'group', 'aria-label': parent.name },
        h('div', { class: 'prefecture-name' }, parent.name),
        h('div', { class: 'tiles' }, counties.sort((a, b) => a.region.code.localeCompare(b.region.code)).map(c => {
          const share = percent(c.pairedSchools, c.schools);
          const tile = h('button', {
            type: 'button', class: 'tile' + (view().regionCode === c.region.code ? ' current' : ''),
            dataset: { code: c.region.code, paired: String(c.pairedSchools), schools: String(c.schools) },
            'aria-label': `${c.region.name}: ${c.pairedSchools} of ${c.schools} schools in a pairing (${share}%). Filter the network to it.`,
            title: `${c.region.name} (${c.region.code}): ${c.pairedSchools} of ${c.schools} schools in a pairing; ${c.mentors} mentors, ${c.mentees} mentees`,
            style: { background: colourOf(share), color: share >= 60 ? '#fff' : '#111' },
            onclick: () => filterTo(c.region.code),
          }, h('span', { class: 'tile-name' }, c.region.name), h('span', { class: 'tile-share' }, `${share}%`),
          h('span', { class: 'tile-count' }, `${c.pairedSchools}/${c.schools}`));
          return tile;
        }))));
    const legend = h('ul', { class: 'map-legend', 'aria-label': 'Colour of a county: share of its schools in a pairing' },
      RAMP.map((c, i) => h('li', {}, h('span', { class: 'swatch square', style: { background: c } }),
        `${i * 20}–${(i + 1) * 20}%`)));
    tiles.replaceChildren(...groups, legend,
      ...(view().regionCode ? [h('button', { type: 'button', onclick: () => filterTo('') }, 'Show every region again')] : []));
  }

  function renderFlows(rows, level) {
    flowsLevel.textContent = level === 'COUNTY' ? 'counties' : 'prefectures';
    if (!rows.length) {
      flows.replaceChildren(h('p', { class: 'muted' }, 'No pairing between regions of this level under this filter.'));
      return;
    }
    const regions = new Map();
    for (const f of rows) {
      regions.set(f.from.code, f.from);
      regions.set(f.to.code, f.to);
    }
    const order = [...regions.values()].sort((a, b) => a.code.localeCompare(b.code));
    const cell = new Map(rows.map(f => [`${f.from.code}|${f.to.code}`, f.pairings]));
    const most = Math.max(...rows.map(f => f.pairings));
    flows.replaceChildren(h('table', { id: 'flows-table', class: 'matrix' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'from \\ to'), order.map(r => h('th', { scope: 'col', title: r.code }, r.name)))),
      h('tbody', {}, order.map(from => h('tr', {}, h('th', { scope: 'row', title: from.code }, from.name), order.map(to => {
        const n = cell.get(`${from.code}|${to.code}`) || 0;
        return h('td', {
          class: from.code === to.code ? 'diagonal' : '',
          title: `${from.name} → ${to.name}: ${n} pairings`,
          style: n ? { background: `rgba(37, 52, 148, ${0.1 + 0.8 * (n / most)})`, color: n / most > 0.5 ? '#fff' : '#111' } : null,
        }, n ? String(n) : '');
      }))))));
  }

  async function refresh() {
    const mine = ++generation;
    const filter = pairingFilter(view());
    const level = view().regionCode ? 'COUNTY' : 'PREFECTURE';
    await track((async () => {
      try {
        const [coverage, flowRows] = await Promise.all([api.coverage(filter, 'COUNTY'), api.flows(level, filter)]);
        if (mine !== generation) return;
        renderTiles(coverage);
        renderFlows(flowRows, level);
      } catch (e) {
        if (mine !== generation) return;
        showError('Loading the coverage map', e);
        tiles.replaceChildren(h('p', { class: 'error' }, 'No map: ' + e.message));
        flows.replaceChildren();
      }
    })());
  }

  return { refresh };
}
