// The details panel: everything the API knows about the clicked node or edge, with the
// report and section that state it.

import * as api from './api.js';
import { h, kindLabel, typeLabel, ROLES } from './dom.js';

const SYNTHETIC = 'Synthetic: generated demonstration data, not a reported fact.';

function field(label, ...value) {
  const shown = value.filter(v => v !== null && v !== undefined && v !== '');
  return shown.length ? [h('dt', {}, label), h('dd', {}, ...shown)] : [];
}

function syntheticBadge(synthetic) {
  return synthetic ? h('p', { class: 'synthetic-note' }, SYNTHETIC) : null;
}

function sources(list) {
  if (!list || !list.length) return h('p', { class: 'muted' }, 'No source recorded.');
  return h('ul', { class: 'sources' }, list.map(s => h('li', { class: 'source' },
    h('span', { class: 'source-title' }, s.title),
    s.issuer ? h('span', { class: 'muted' }, ` · ${s.issuer}`) : null,
    s.published ? h('span', { class: 'muted' }, ` · ${s.published}`) : null,
    s.section ? h('span', { class: 'source-section' }, ` · section ${s.section}`) : null,
    s.quote ? h('blockquote', {}, s.quote) : null)));
}

function figures(list) {
  if (!list || !list.length) return null;
  const qualifier = { EXACT: '', APPROXIMATE: '≈ ', AT_LEAST: '≥ ', NEARLY: 'nearly ' };
  return [h('h3', {}, 'Figures'), h('ul', {}, list.map(f => h('li', {},
    `${f.label || f.metric}: ${qualifier[f.qualifier] || ''}${f.value}${f.unit ? ' ' + f.unit : ''}`,
    f.year ? ` (${f.year})` : '', f.source && f.source.section ? h('span', { class: 'muted' }, ` · section ${f.source.section}`) : null)))];
}

function dates(p) {
  if (!p.startDate && !p.endDate) return '';
  return `${p.startDate || '…'} – ${p.endDate || 'open'}`;
}

/** A school's name that adds the school to the view when clicked. */
function schoolLink(school, actions) {
  return h('button', { type: 'button', class: 'link', title: 'Add to the view', onclick: () => actions.addSchool(school.id) }, school.name);
}

export async function render(panel, element, actions) {
  panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const content = await content_(element, actions);
    panel.replaceChildren(...content.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  } catch (e) {
    panel.replaceChildren(h('p', { class: 'error' }, 'The details could not be loaded: ' + e.message));
  }
}

async function content_(el, actions) {
  const data = el.data();
  if (el.isEdge()) {
    if (data.cat === 'pairing') return pairing(await api.pairingDetails(data.ref), actions);
    return membership(el, await api.schoolDetails(data.source), actions);
  }
  if (data.kind === 'EducationGroup') return group(await api.groupDetails(data.id.slice('group:'.length)), actions);
  if (data.kind === 'Program') return program(await api.programDetails(data.id.slice('program:'.length)), actions);
  return school(await api.schoolDetails(data.id), el, actions);
}

function school(s, el, actions) {
  if (!s) return [h('p', { class: 'error' }, 'This school is no longer in the graph.')];
  const expanded = actions.isExpanded(s.id);
  const region = s.region ? `${s.region.name} (${s.region.code})${s.region.parent ? ', ' + s.region.parent.name : ''}` : 'not known';
  return [
    h('h2', {}, s.name),
    syntheticBadge(s.synthetic),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => actions.toggleExpand(s.id) }, expanded ? 'Collapse' : 'Expand'),
      h('button', { type: 'button', onclick: () => actions.setPathEnd('from', s.id) }, 'Path from here'),
      h('button', { type: 'button', onclick: () => actions.setPathEnd('to', s.id) }, 'Path to here'),
      h('button', { type: 'button', onclick: () => actions.filterBy('mentorId', s.id), title: 'Only the pairings in which it is the mentor' }, 'As mentor only'),
      h('button', { type: 'button', onclick: () => actions.filterBy('menteeId', s.id), title: 'Only the pairings in which it is the mentee' }, 'As mentee only'),
      actions.isAdded(s.id) ? h('button', { type: 'button', onclick: () => actions.removeSchool(s.id) }, 'Remove') : null),
    h('dl', {},
      field('Kind', 'School'),
      field('Id', h('code', {}, s.id)),
      field('Aliases', s.aliases.join('，')),
      field('Type', typeLabel(s.type)),
      field('Ownership', s.ownership),
      field('Region', region),
      field('National code', s.nationalCode),
      field('Merged into', s.mergedInto ? schoolLink(s.mergedInto, actions) : null),
      field('Synthetic', s.synthetic ? 'yes' : 'no'),
      field('Mentees drawn', String(el.data('mentees')))),
    h('h3', {}, 'Groups'),
    s.groups.length ? h('ul', {}, s.groups.map(m => h('li', {}, `${m.group.name} (${ROLES[m.role] || m.role}${m.since ? ', since ' + m.since : ''})`)))
      : h('p', { class: 'muted' }, 'None recorded.'),
    h('h3', {}, 'Programs'),
    s.programs.length ? h('ul', {}, s.programs.map(p => h('li', {}, `${p.program.name} (${ROLES[p.role] || p.role}${p.year ? ', ' + p.year : ''})`)))
      : h('p', { class: 'muted' }, 'None recorded.'),
    h('h3', {}, `Helps (${s.mentoring.length})`),
    s.mentoring.length ? h('ul', {}, s.mentoring.map(p => h('li', {}, schoolLink(p.mentee, actions), ` · ${kindLabel(p.kind)}`,
      p.program ? ` · ${p.program.name}` : '', dates(p) ? ` · ${dates(p)}` : '', p.active ? '' : ' · ended'))) : h('p', { class: 'muted' }, 'No pairing as mentor.'),
    h('h3', {}, `Helped by (${s.mentoredBy.length})`),
    s.mentoredBy.length ? h('ul', {}, s.mentoredBy.map(p => h('li', {}, schoolLink(p.mentor, actions), ` · ${kindLabel(p.kind)}`,
      p.program ? ` · ${p.program.name}` : '', dates(p) ? ` · ${dates(p)}` : '', p.active ? '' : ' · ended'))) : h('p', { class: 'muted' }, 'No pairing as mentee.'),
    h('h3', {}, 'Recognitions'),
    s.recognitions.length ? h('ul', {}, s.recognitions.map(r => h('li', {}, r.title,
      [r.level, r.year, r.rank ? `rank ${r.rank}` : null].filter(Boolean).length ? ` (${[r.level, r.year, r.rank ? 'rank ' + r.rank : null].filter(Boolean).join(', ')})` : '',
      r.source && r.source.section ? h('span', { class: 'muted' }, ` · section ${r.source.section}`) : null)))
      : h('p', { class: 'muted' }, 'None recorded.'),
    h('h3', {}, 'Sources'),
    sources(s.sources),
  ];
}

function pairing(p, actions) {
  if (!p) return [h('p', { class: 'error' }, 'This pairing is no longer in the graph.')];
  return [
    h('h2', {}, kindLabel(p.kind)),
    syntheticBadge(p.synthetic),
    h('dl', {},
      field('Kind', 'Pairing'),
      field('Mentor', schoolLink(p.mentor, actions)),
      field('Mentee', schoolLink(p.mentee, actions)),
      field('Program', p.program ? p.program.name : null),
      field('Dates', dates(p)),
      field('Active', p.active ? 'yes' : 'no (ended or not begun)'),
      field('Note', p.note),
      field('Recorded', p.createdAt ? `${p.createdAt}${p.createdBy ? ' by ' + p.createdBy : ''}` : null),
      field('Synthetic', p.synthetic ? 'yes' : 'no'),
      field('Id', h('code', {}, p.id))),
    h('h3', {}, 'Sources'),
    sources(p.sources),
  ];
}

function membership(el, s, actions) {
  const target = el.data('target');
  if (!s) return [h('p', { class: 'error' }, 'This school is no longer in the graph.')];
  if (target.startsWith('group:')) {
    const m = s.groups.find(g => 'group:' + g.group.id === target);
    return [h('h2', {}, 'Group membership'), h('dl', {},
      field('School', s.name), field('Group', m ? m.group.name : target),
      field('Role', m ? (ROLES[m.role] || m.role) : null), field('Since', m ? m.since : null))];
  }
  const p = s.programs.find(x => 'program:' + x.program.id === target);
  return [h('h2', {}, 'Program participation'), h('dl', {},
    field('School', s.name), field('Program', p ? p.program.name : target),
    field('Role', p ? (ROLES[p.role] || p.role) : el.data('kind')), field('Year', p && p.year ? String(p.year) : null))];
}

function group(g, actions) {
  if (!g) return [h('p', { class: 'error' }, 'This group is no longer in the graph.')];
  return [
    h('h2', {}, g.name),
    syntheticBadge(g.synthetic),
    h('dl', {}, field('Kind', `Education group (${g.kind})`), field('Region', g.region ? g.region.name : null),
      field('Synthetic', g.synthetic ? 'yes' : 'no'), field('Id', h('code', {}, g.id))),
    h('h3', {}, `Members (${g.members.length})`),
    h('ul', {}, g.members.map(m => h('li', {}, schoolLink(m.school, actions), ` (${ROLES[m.role] || m.role}${m.since ? ', since ' + m.since : ''})`))),
    figures(g.figures),
    h('h3', {}, 'Sources'),
    sources(g.sources),
  ];
}

function program(p, actions) {
  if (!p) return [h('p', { class: 'error' }, 'This program is no longer in the graph.')];
  const SHOWN = 40;
  return [
    h('h2', {}, p.name),
    syntheticBadge(p.synthetic),
    h('dl', {}, field('Kind', `Program (${p.kind})`), field('Level', p.level), field('Region', p.region ? p.region.name : null),
      field('Year', p.year ? String(p.year) : null), field('Note', p.note), field('Synthetic', p.synthetic ? 'yes' : 'no'),
      field('Id', h('code', {}, p.id))),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => actions.filterBy('programId', p.id) }, 'Filter by this program')),
    h('h3', {}, `Participants (${p.participants.length})`),
    h('ul', {}, p.participants.slice(0, SHOWN).map(x => h('li', {}, schoolLink(x.school, actions),
      ` (${ROLES[x.role] || x.role}${x.year ? ', ' + x.year : ''})`))),
    p.participants.length > SHOWN ? h('p', { class: 'muted' }, `and ${p.participants.length - SHOWN} more`) : null,
    figures(p.figures),
    p.recognitions.length ? [h('h3', {}, 'Recognitions'), h('ul', {}, p.recognitions.map(r => h('li', {}, r.title, r.year ? ` (${r.year})` : '')))] : null,
    h('h3', {}, 'Sources'),
    sources(p.sources),
  ];
}
