// Who helps whom: the pairings drawn as a table, sortable by any column; a school or a
// pairing clicked in it is selected in the picture.

import { h, PAIRING_KINDS } from './dom.js';

const COLUMNS = [
  { key: 'mentor', label: 'Mentor' },
  { key: 'mentee', label: 'Mentee' },
  { key: 'kind', label: 'Kind' },
  { key: 'startDate', label: 'Start' },
  { key: 'endDate', label: 'End' },
];
const MOST_ROWS = 1000;

export function pairingsTable({ body, cy, select }) {
  let sortBy = 'mentor';
  let ascending = true;

  function rows() {
    return cy.edges('[cat = "pairing"]').map(e => ({
      id: e.id(), mentorId: e.source().id(), menteeId: e.target().id(),
      mentor: e.source().data('label'), mentee: e.target().data('label'),
      mentorRegion: e.source().data('regionName'), menteeRegion: e.target().data('regionName'),
      kind: PAIRING_KINDS[e.data('kind')] || e.data('kind'), startDate: e.data('startDate'), endDate: e.data('endDate'),
      bridge: e.data('bridge'),
    }));
  }

  function render() {
    const list = rows();
    const compare = (a, b) => String(a[sortBy] || '').localeCompare(String(b[sortBy] || ''), 'zh')
      || a.mentor.localeCompare(b.mentor, 'zh') || a.mentee.localeCompare(b.mentee, 'zh') || a.id.localeCompare(b.id);
    list.sort((a, b) => (ascending ? compare(a, b) : -compare(a, b)));
    if (!list.length) {
      body.replaceChildren(h('p', { class: 'muted' }, 'No pairing is drawn: find a school or draw the filter\'s whole network.'));
      return;
    }
    const schoolButton = (id, name, region) => h('button', { type: 'button', class: 'link', title: 'Select in the picture',
      'aria-label': `Select ${name} in the picture` }, name, region ? h('span', { class: 'muted' }, ` · ${region}`) : null);
    const table = h('table', { id: 'pairings-table' },
      h('caption', {}, `${list.length} pairings drawn${list.length > MOST_ROWS ? `, the first ${MOST_ROWS} listed` : ''}`),
      h('thead', {}, h('tr', {}, COLUMNS.map(c => h('th', {
        scope: 'col', 'aria-sort': c.key === sortBy ? (ascending ? 'ascending' : 'descending') : 'none',
      }, h('button', { type: 'button', class: 'sort', dataset: { key: c.key }, onclick: () => {
        ascending = sortBy === c.key ? !ascending : true;
        sortBy = c.key;
        render();
        body.querySelector(`button.sort[data-key="${c.key}"]`).focus();
      } }, c.label, c.key === sortBy ? (ascending ? ' ▲' : ' ▼') : ''))))),
      h('tbody', {}, list.slice(0, MOST_ROWS).map(r => {
        const mentor = schoolButton(r.mentorId, r.mentor, r.mentorRegion);
        mentor.addEventListener('click', () => select(r.mentorId));
        const mentee = schoolButton(r.menteeId, r.mentee, r.menteeRegion);
        mentee.addEventListener('click', () => select(r.menteeId));
        const pairing = h('button', { type: 'button', class: 'link', title: 'Select the pairing in the picture',
          'aria-label': `Select the pairing ${r.mentor} → ${r.mentee}` }, r.kind, r.bridge ? ' (bridge)' : '');
        pairing.addEventListener('click', () => select(r.id));
        return h('tr', { dataset: { id: r.id } }, h('td', {}, mentor), h('td', {}, mentee), h('td', {}, pairing),
          h('td', {}, r.startDate || '–'), h('td', {}, r.endDate || '–'));
      })));
    body.replaceChildren(table);
  }

  return { render };
}
