// Styling by measure: what a school's size and colour show (the view's `size` and
// `colour`), put on the drawn schools as data(size) and data(colour), and the legend
// that states the scale of each, as data, so the page and the PNG draw the same legend.

import { UNKNOWN_COLOUR, KIND_COLOURS, MEMBER_COLOUR, PROGRAM_COLOUR } from './graph.js';
import { kindLabel, typeLabel } from './dom.js';

/** The measures of NodeMeasures a school may be sized, coloured or ringed by. */
export const MEASURES = {
  mentees: { label: 'mentees drawn', integer: true, note: 'distinct mentees among the lines drawn' },
  degree: { label: 'partners (degree)', integer: true, api: 'DEGREE', note: 'distinct partner schools, either direction' },
  betweenness: { label: 'betweenness', digits: 3, api: 'BETWEENNESS', note: 'share of shortest paths between other schools that pass through the school: the brokers' },
  pageRank: { label: 'PageRank', digits: 4, api: 'PAGE_RANK', note: 'PageRank over the links: the hubs' },
  reach2: { label: 'reach in two hops', integer: true, api: 'REACH2', note: 'schools within two hops' },
  coreNumber: { label: 'core number', integer: true, api: 'CORE_NUMBER', note: 'the largest k of a k-core holding the school' },
};

export const COLOUR_LABELS = {
  county: 'county', type: 'school type', program: 'program', community: 'community',
  degree: MEASURES.degree.label, betweenness: MEASURES.betweenness.label, pageRank: MEASURES.pageRank.label,
  reach2: MEASURES.reach2.label, coreNumber: MEASURES.coreNumber.label,
};

// Light (low) to dark (high), readable on white and by people who do not see red and green apart.
export const RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const CATEGORIES = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#86bcb6', '#8cd17d', '#d37295', '#a0cbe8', '#ffbe7d', '#499894', '#f1ce63', '#d4a6c8', '#b6992d'];
const TYPE_COLOURS = {
  KINDERGARTEN: '#f28e2b', PRIMARY: '#59a14f', JUNIOR_SECONDARY: '#4e79a7', NINE_YEAR: '#76b7b2',
  SENIOR_SECONDARY: '#b07aa1', COMPLETE_SECONDARY: '#9c755f', TWELVE_YEAR: '#d37295', SECONDARY_VOCATIONAL: '#edc948',
  HIGHER_VOCATIONAL: '#e15759', UNIVERSITY: '#499894', SPECIAL_EDUCATION: '#ff9da7', TEACHER_DEVELOPMENT: '#8cd17d',
  OTHER: '#bab0ac',
};
export const ARTICULATION_COLOUR = '#d50000';
export const BRIDGE_COLOUR = '#ff6d00';
export const SMALLEST = 18;
export const LARGEST = 70;

export function format(measure, value) {
  const info = MEASURES[measure];
  if (!info || info.integer) return String(Math.round(value));
  return value.toFixed(info.digits);
}

/** The smallest and largest value of a measure over the schools. */
function extent(schools, measure) {
  let min = Infinity;
  let max = -Infinity;
  schools.forEach(n => {
    const v = n.data(measure);
    if (v < min) min = v;
    if (v > max) max = v;
  });
  return schools.empty() ? { min: 0, max: 0 } : { min, max };
}

/** The class of a value among RAMP.length equal intervals from min to max. */
function bin(value, min, max) {
  if (max <= min) return RAMP.length - 1;
  return Math.min(RAMP.length - 1, Math.floor(((value - min) / (max - min)) * RAMP.length));
}

/**
 * Sets each drawn school's size and colour from the view, and returns the legend: a list
 * of sections {title, items: [{swatch, colour, size, text}]}.
 * context: { countyColours, regionByCode, programOf(id) -> {id, name} | undefined }.
 */
export function restyle(cy, view, context) {
  const schools = cy.nodes('[kind = "School"]');
  const sections = [];

  // Size: area grows with the value, from SMALLEST to LARGEST pixels across.
  const size = view.size;
  const { min: smin, max: smax } = extent(schools, size);
  const diameter = v => (smax > smin ? SMALLEST + (LARGEST - SMALLEST) * Math.sqrt((v - smin) / (smax - smin)) : 26);

  // Colour.
  const colour = view.colour;
  let colourOf;
  const colourItems = [];
  if (colour === 'county') {
    const counts = new Map();
    let unknown = 0;
    schools.forEach(n => {
      const code = n.data('countyCode');
      if (code) counts.set(code, (counts.get(code) || 0) + 1);
      else unknown++;
    });
    colourOf = n => (n.data('countyCode') ? context.countyColours.get(n.data('countyCode')) || UNKNOWN_COLOUR : UNKNOWN_COLOUR);
    [...counts.entries()].sort().forEach(([code, count]) => colourItems.push({ swatch: 'circle',
      colour: context.countyColours.get(code) || UNKNOWN_COLOUR,
      text: `${context.regionByCode.has(code) ? context.regionByCode.get(code).name : code} (${count})` }));
    if (unknown) colourItems.push({ swatch: 'circle', colour: UNKNOWN_COLOUR, text: `county not known (${unknown})` });
  } else if (colour === 'type' || colour === 'program' || colour === 'community') {
    const keyOf = {
      type: n => n.data('type') || '',
      program: n => { const p = context.programOf(n.id()); return p ? p.id : ''; },
      community: n => (n.data('community') >= 0 ? String(n.data('community')) : ''),
    }[colour];
    const counts = new Map();
    schools.forEach(n => { const k = keyOf(n); counts.set(k, (counts.get(k) || 0) + 1); });
    const keys = [...counts.keys()].filter(Boolean).sort(colour === 'community' ? (a, b) => Number(a) - Number(b) : undefined);
    const palette = new Map();
    keys.forEach((k, i) => palette.set(k, colour === 'type' ? TYPE_COLOURS[k] || TYPE_COLOURS.OTHER
      : i < CATEGORIES.length ? CATEGORIES[i] : UNKNOWN_COLOUR));
    colourOf = n => palette.get(keyOf(n)) || UNKNOWN_COLOUR;
    const name = {
      type: k => typeLabel(k),
      program: k => { const p = schools.map(n => context.programOf(n.id())).find(x => x && x.id === k); return p ? p.name : k; },
      community: k => `community ${k}`,
    }[colour];
    let others = 0;
    keys.forEach((k, i) => {
      if (colour !== 'type' && i >= CATEGORIES.length) others += counts.get(k);
      else colourItems.push({ swatch: 'circle', colour: palette.get(k), text: `${name(k)} (${counts.get(k)})` });
    });
    const none = counts.get('') || 0;
    if (others) colourItems.push({ swatch: 'circle', colour: UNKNOWN_COLOUR, text: `smaller ${colour === 'program' ? 'programs' : 'communities'} (${others})` });
    if (none) colourItems.push({ swatch: 'circle', colour: UNKNOWN_COLOUR,
      text: `${{ type: 'type not known', program: 'in no program', community: 'in no selected pairing' }[colour]} (${none})` });
  } else {
    const { min, max } = extent(schools, colour);
    colourOf = n => RAMP[bin(n.data(colour), min, max)];
    const step = (max - min) / RAMP.length;
    RAMP.forEach((c, i) => {
      const from = min + step * i;
      const to = i === RAMP.length - 1 ? max : min + step * (i + 1);
      const count = schools.filter(n => bin(n.data(colour), min, max) === i).length;
      if (max <= min && i < RAMP.length - 1) return;
      colourItems.push({ swatch: 'circle', colour: c,
        text: max <= min ? `${format(colour, max)} (${count})` : `${format(colour, from)} – ${format(colour, to)} (${count})` });
    });
  }

  cy.batch(() => schools.forEach(n => {
    n.data({ size: size === 'mentees' ? Math.min(22 + 9 * Math.sqrt(n.data('mentees')), 70) : diameter(n.data(size)),
      colour: colourOf(n) });
  }));

  sections.push({ title: `Colour: ${COLOUR_LABELS[colour]}${MEASURES[colour] ? ', in five equal steps, light = low, dark = high' : ''}`,
    items: colourItems });
  const sizeText = size === 'mentees'
    ? 'Size: mentees drawn (area grows with the count).'
    : `Size: ${MEASURES[size].label} (${MEASURES[size].note}); area grows with the value, from ${format(size, smin)} (smallest) to ${format(size, smax)} (largest).`;
  sections.push({ title: sizeText, items: size === 'mentees' || schools.empty() ? [] : [
    { swatch: 'size', size: SMALLEST, colour: '#bbb', text: format(size, smin) },
    { swatch: 'size', size: LARGEST / 2, colour: '#bbb', text: format(size, smin + (smax - smin) / 4) },
    { swatch: 'size', size: LARGEST * 0.7, colour: '#bbb', text: format(size, smax) }] });

  const marks = [];
  const cut = schools.filter('[?articulation]').length;
  const bridges = cy.edges('[?bridge]').length;
  if (cut) marks.push({ swatch: 'ring', colour: ARTICULATION_COLOUR, text: `single point of failure: its loss splits its part of the network (${cut})` });
  if (bridges) marks.push({ swatch: 'halo', colour: BRIDGE_COLOUR, text: `bridge pairing: its loss splits its part of the network (${bridges})` });
  marks.push({ swatch: 'circle', colour: '#ffffff', text: 'school' });
  if (cy.nodes('[kind = "EducationGroup"]').nonempty()) marks.push({ swatch: 'group', text: 'education group' });
  if (cy.nodes('[kind = "Program"]').nonempty()) marks.push({ swatch: 'program', text: 'program' });
  if (cy.elements('[?synthetic]').nonempty()) marks.push({ swatch: 'synthetic', text: 'synthetic (generated, not reported); dashed line too' });
  sections.push({ title: 'Marks:', items: marks });

  const kinds = new Set(cy.edges('[cat = "pairing"]').map(e => e.data('kind')));
  const lines = [...kinds].sort().map(k => ({ swatch: 'line', colour: KIND_COLOURS[k] || KIND_COLOURS.OTHER, text: kindLabel(k) }));
  if (cy.edges('[cat = "member"]').nonempty()) lines.push({ swatch: 'line', dotted: true, colour: MEMBER_COLOUR, text: 'member of a group' });
  if (cy.edges('[cat = "program"]').nonempty()) lines.push({ swatch: 'line', dotted: true, colour: PROGRAM_COLOUR, text: 'takes part in a program' });
  if (cy.elements('.path').nonempty()) lines.push({ swatch: 'line', colour: '#000', wide: true, text: 'the path' });
  if (cy.edges('.started').nonempty()) lines.push({ swatch: 'line', colour: '#00c853', wide: true, text: 'started at this step' });
  if (cy.nodes('.ended').nonempty()) lines.push({ swatch: 'ring', colour: '#6a1b9a', text: 'lost a pairing at this step' });
  sections.push({ title: 'Lines: mentor → mentee:', items: lines });
  return sections;
}

/**
 * Draws the legend onto a 2D canvas context from x, y within width; returns the height
 * used (draw once on a scratch canvas to learn it).
 */
export function drawLegend(ctx, sections, x, y, width, scale = 1, font = 'sans-serif') {
  const line = 20 * scale;
  const pad = 8 * scale;
  let cy = y + pad;
  ctx.textBaseline = 'middle';
  for (const section of sections) {
    ctx.fillStyle = '#444';
    ctx.font = `bold ${12 * scale}px ${font}`;
    ctx.fillText(section.title, x + pad, cy + line / 2, width - 2 * pad);
    cy += line;
    let cx = x + pad;
    ctx.font = `${12 * scale}px ${font}`;
    for (const item of section.items) {
      const itemWidth = 30 * scale + ctx.measureText(item.text).width;
      if (cx > x + pad && cx + itemWidth > x + width - pad) { cx = x + pad; cy += line; }
      drawSwatch(ctx, item, cx + 10 * scale, cy + line / 2, scale);
      ctx.fillStyle = '#222';
      ctx.font = `${12 * scale}px ${font}`;
      ctx.fillText(item.text, cx + 24 * scale, cy + line / 2);
      cx += itemWidth;
    }
    if (section.items.length) cy += line;
  }
  return cy - y + pad;
}

function drawSwatch(ctx, item, x, y, scale) {
  ctx.save();
  ctx.strokeStyle = '#555';
  ctx.lineWidth = scale;
  const r = 6 * scale;
  switch (item.swatch) {
    case 'line':
      ctx.strokeStyle = item.colour;
      ctx.lineWidth = (item.wide ? 5 : 3) * scale;
      if (item.dotted) ctx.setLineDash([2 * scale, 3 * scale]);
      ctx.beginPath(); ctx.moveTo(x - 10 * scale, y); ctx.lineTo(x + 10 * scale, y); ctx.stroke();
      break;
    case 'halo':
      ctx.strokeStyle = item.colour; ctx.globalAlpha = 0.6; ctx.lineWidth = 9 * scale;
      ctx.beginPath(); ctx.moveTo(x - 10 * scale, y); ctx.lineTo(x + 10 * scale, y); ctx.stroke();
      break;
    case 'ring':
      ctx.strokeStyle = item.colour; ctx.lineWidth = 3 * scale;
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.stroke();
      break;
    case 'size':
      ctx.fillStyle = item.colour;
      ctx.beginPath(); ctx.arc(x, y, Math.min(item.size / 4, 9) * scale, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      break;
    case 'region':
      ctx.fillStyle = item.colour; ctx.strokeStyle = '#333'; ctx.lineWidth = 2 * scale;
      ctx.fillRect(x - 7 * scale, y - 7 * scale, 14 * scale, 14 * scale); ctx.strokeRect(x - 7 * scale, y - 7 * scale, 14 * scale, 14 * scale);
      break;
    case 'group':
      ctx.fillStyle = '#e9e1f5'; ctx.strokeStyle = MEMBER_COLOUR; ctx.lineWidth = 2 * scale;
      ctx.fillRect(x - 8 * scale, y - 5 * scale, 16 * scale, 10 * scale); ctx.strokeRect(x - 8 * scale, y - 5 * scale, 16 * scale, 10 * scale);
      break;
    case 'program':
      ctx.fillStyle = '#fff1c1'; ctx.strokeStyle = PROGRAM_COLOUR; ctx.lineWidth = 2 * scale;
      ctx.beginPath(); ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath();
      ctx.fill(); ctx.stroke();
      break;
    case 'synthetic':
      ctx.fillStyle = '#fff'; ctx.strokeStyle = '#222'; ctx.lineWidth = 2 * scale; ctx.setLineDash([3 * scale, 2 * scale]);
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      break;
    default:
      ctx.fillStyle = item.colour || '#fff';
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  }
  ctx.restore();
}
