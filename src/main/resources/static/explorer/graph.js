// What is drawn: the answers of the API merged into one graph model, and that model put
// into Cytoscape with the explorer's visual language (colour = county, shape = kind,
// size = mentees, dashed = synthetic).

export const FONT = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

// Distinct colours for counties, taken by each county's place in the region list, so a
// county keeps its colour whatever else is on screen.
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#86bcb6', '#8cd17d', '#d37295', '#a0cbe8', '#ffbe7d', '#499894', '#f1ce63', '#d4a6c8', '#b6992d'];
export const UNKNOWN_COLOUR = '#c8c8c8';

export const KIND_COLOURS = {
  SPECIAL_DELIVERY_CLASSROOM: '#1565c0',
  DEEP_ALLIANCE: '#2e7d32',
  TARGETED_SUPPORT: '#c62828',
  ONE_TO_ONE: '#6a1b9a',
  OTHER: '#616161',
};
export const MEMBER_COLOUR = '#8e7cc3';
export const PROGRAM_COLOUR = '#c9a227';
export const FLOW_COLOUR = '#6b7b99';

export function countyColours(regions) {
  const colours = new Map();
  regions.filter(r => r.level === 'COUNTY').sort((a, b) => a.code.localeCompare(b.code))
    .forEach((r, i) => colours.set(r.code, PALETTE[i % PALETTE.length]));
  return colours;
}

const NAME_PX = 11;     // a name's size at zoom 1
const NAME_MIN_PX = 6;  // below this on screen a name is not drawn (Cytoscape's min-zoomed-font-size)
/** The zoom from which the schools' names are drawn. */
export const LEGIBLE_ZOOM = NAME_MIN_PX / NAME_PX;

/**
 * Names the schools (class 'named') when they can be read: at once in a picture of at
 * most SMALL_FORCE schools (its layout makes room for them), else once the zoom reaches
 * LEGIBLE_ZOOM. `check` is called after each drawing (`check(false)` before its layout
 * and fit); `all` names every school (a picture to save shows the names wherever they
 * are legible).
 */
export function legibleNames(cy) {
  let pending = true;
  const all = () => {
    pending = false;
    const unnamed = cy.nodes('[kind = "School"]').not('.named');
    if (unnamed.nonempty()) cy.batch(() => unnamed.addClass('named'));
  };
  // Before a new picture is fitted (zoomed = false) the zoom is the old picture's: only the size counts.
  const check = (zoomed = true) => {
    if (pending && ((zoomed && cy.zoom() >= LEGIBLE_ZOOM) || cy.nodes().length <= SMALL_FORCE)) all();
  };
  cy.on('zoom', () => check());
  cy.on('add', 'node', () => { pending = true; });
  return { check, all };
}

export function style() {
  return [
    // A school's name is drawn once the view is near enough to read it (class 'named', see
    // legibleNames): measuring hundreds of names nobody can read at the zoom of a whole
    // county was a third of the time to its first picture. Groups, programs and counties: always.
    { selector: 'node', style: { 'border-width': 1, 'border-color': '#555' } },
    // A name drawn is part of its node: a click on it selects the node, a press grabs it (panning.js
    // too). Only where there is a name: on every node it cost a county's first picture 50-80 ms. The
    // name's style too: Cytoscape applies and checks every property of a selector on every element it
    // matches (a county's 1,090 elements added and bounded, in Node: 81 ms with it on every node, 58 without).
    { selector: 'node.named, node[kind != "School"]', style: {
      'label': 'data(label)', 'text-events': 'yes',
      'font-family': FONT, 'font-size': NAME_PX, 'color': '#222',
      'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': 140,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
      'min-zoomed-font-size': NAME_MIN_PX,
    } },
    { selector: 'node[kind = "School"]', style: {
      'shape': 'ellipse', 'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
    } },
    { selector: 'node[kind = "EducationGroup"]', style: {
      'shape': 'round-rectangle', 'background-color': '#e9e1f5', 'border-color': MEMBER_COLOUR, 'border-width': 2,
      'width': 26, 'height': 18,
    } },
    { selector: 'node[kind = "Program"]', style: {
      'shape': 'diamond', 'background-color': '#fff1c1', 'border-color': PROGRAM_COLOUR, 'border-width': 2,
      'width': 26, 'height': 26,
    } },
    // A county standing for its schools (a network drawn as regions): a rounded square, its figures under its name.
    { selector: 'node[kind = "Region"]', style: {
      'shape': 'round-rectangle', 'background-color': 'data(colour)', 'background-opacity': 0.85, 'width': 'data(size)',
      'height': 'data(size)', 'border-width': 2, 'border-color': '#333', 'text-wrap': 'wrap', 'text-max-width': 180,
      'font-size': 12, 'font-weight': 'bold', 'text-valign': 'center', 'text-background-opacity': 0.8,
    } },
    { selector: 'edge[cat = "flow"]', style: {
      'width': 'data(width)', 'curve-style': 'straight', 'line-color': FLOW_COLOUR, 'target-arrow-color': FLOW_COLOUR,
      'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'opacity': 0.55,
    } },
    { selector: 'node[?expanded]', style: { 'font-weight': 'bold', 'border-width': 3, 'border-color': '#222' } },
    { selector: 'node[?synthetic]', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#222' } },
    { selector: 'edge', style: {
      'width': 2, 'curve-style': 'bezier', 'line-color': '#888', 'target-arrow-color': '#888', 'opacity': 0.85,
    } },
    { selector: 'edge[cat = "pairing"]', style: {
      'target-arrow-shape': 'triangle', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
    } },
    { selector: 'edge[cat = "member"]', style: { 'line-style': 'dotted', 'line-color': MEMBER_COLOUR, 'width': 2 } },
    { selector: 'edge[cat = "program"]', style: { 'line-style': 'dotted', 'line-color': PROGRAM_COLOUR, 'width': 1.5 } },
    { selector: 'edge[?synthetic]', style: { 'line-style': 'dashed' } },
    // Single points of failure: a red ring outside the border (the border shows synthetic data).
    { selector: 'node[?articulation]', style: {
      'outline-width': 3, 'outline-color': '#d50000', 'outline-offset': 2, 'outline-opacity': 1,
    } },
    // Bridge pairings: an orange halo under the line.
    { selector: 'edge[?bridge]', style: {
      'underlay-color': '#ff6d00', 'underlay-padding': 4, 'underlay-opacity': 0.45,
    } },
    { selector: '.dim', style: { 'opacity': 0.2 } },
    { selector: 'edge.started', style: { 'width': 5, 'line-color': '#00c853', 'target-arrow-color': '#00c853', 'z-index': 9 } },
    { selector: 'node.ended', style: { 'outline-width': 4, 'outline-color': '#6a1b9a', 'outline-offset': 5 } },
    { selector: '.faded', style: { 'opacity': 0.18 } },
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#000', 'opacity': 1, 'z-index': 10 } },
    { selector: 'edge.path', style: {
      'width': 6, 'line-color': '#000', 'target-arrow-color': '#000', 'opacity': 1, 'z-index': 10,
    } },
    { selector: ':selected', style: {
      'overlay-color': '#1e88e5', 'overlay-opacity': 0.25, 'overlay-padding': 6,
    } },
  ];
}

/** An edge's category: a pairing, a group membership or a program participation. */
function category(edge) {
  if (edge.kind === 'FLOW') return 'flow';
  if (edge.kind === 'MEMBER_OF') return 'member';
  if (String(edge.target).startsWith('program:')) return 'program';
  return 'pairing';
}

/** The graph model: the union of the API's answers, keyed by node and edge id. */
export class Model {
  /**
   * regionByCode: the regions that hold a school (the page's lookups), by code. A network's
   * schools come with their region's code only (api.js); its name, level and prefecture are these.
   */
  constructor(regionByCode = new Map()) {
    this.nodes = new Map();
    this.edges = new Map();
    this.path = new Set();  // ids of the path's nodes and edges (edges as 'e:' + id)
    this.regionByCode = regionByCode;
  }

  addNetwork(net, inPath = false) {
    for (const n of net.nodes) {
      const known = this.nodes.get(n.id);
      if (!known || (!known.school && n.school) || (!known.measures && n.measures)) {
        const node = known && known.measures && !n.measures ? { ...n, measures: known.measures } : n;
        const region = n.school && n.school.region && this.regionByCode.get(n.school.region.code);
        this.nodes.set(n.id, region ? { ...node, school: { ...n.school, region } } : node);
      }
      if (inPath) this.path.add(n.id);
    }
    for (const e of net.edges) {
      this.addEdge(e);
      if (inPath) this.path.add('e:' + e.id);
    }
  }

  addEdge(e) {
    const known = this.edges.get(e.id);
    if (!known || (known.bridge == null && e.bridge != null)) this.edges.set(e.id, e);
  }

  schoolIds() {
    return [...this.nodes.values()].filter(n => n.kind === 'School').map(n => n.id);
  }

  /**
   * Adds the groups and programs of the schools on screen, as the API draws them
   * (ids group:<id>, program:<id>), keeping to the filter's day and program.
   */
  addMemberships(bySchool, { groups, programs, activeOn, programId }) {
    const year = activeOn ? Number(activeOn.slice(0, 4)) : null;
    for (const [schoolId, school] of bySchool) {
      if (!school || !this.nodes.has(schoolId)) continue;
      if (groups) {
        for (const m of school.groups) {
          if (activeOn && m.since && m.since > activeOn) continue;
          const id = 'group:' + m.group.id;
          if (!this.nodes.has(id)) {
            this.nodes.set(id, { id, label: m.group.name, kind: 'EducationGroup', synthetic: m.group.synthetic });
          }
          this.addEdge({ id: `${schoolId}>${id}`, source: schoolId, target: id, kind: 'MEMBER_OF', synthetic: m.group.synthetic });
        }
      }
      if (programs) {
        for (const p of school.programs) {
          if (year && p.year && p.year > year) continue;
          if (programId && p.program.id !== programId) continue;
          const id = 'program:' + p.program.id;
          if (!this.nodes.has(id)) {
            this.nodes.set(id, { id, label: p.program.name, kind: 'Program', synthetic: p.program.synthetic });
          }
          this.addEdge({ id: `${schoolId}>${id}`, source: schoolId, target: id, kind: p.role, synthetic: p.program.synthetic });
        }
      }
    }
  }

  /** Leaves out the groups or programs the toggles hide (a whole network may bring them). */
  hide({ groups, programs }) {
    for (const [id, n] of this.nodes) {
      if ((!groups && n.kind === 'EducationGroup') || (!programs && n.kind === 'Program')) this.nodes.delete(id);
    }
  }

  /** Cytoscape's elements; counties says each county's colour, expanded which schools are. */
  elements(colours, expanded) {
    const mentees = new Map();
    const edges = [];
    for (const e of this.edges.values()) {
      if (!this.nodes.has(e.source) || !this.nodes.has(e.target)) continue;
      const cat = category(e);
      if (cat === 'pairing') {
        if (!mentees.has(e.source)) mentees.set(e.source, new Set());
        mentees.get(e.source).add(e.target);
      }
      edges.push({ group: 'edges', data: {
        id: 'e:' + e.id, ref: e.id, source: e.source, target: e.target, kind: e.kind, cat,
        synthetic: !!e.synthetic, colour: KIND_COLOURS[e.kind] || KIND_COLOURS.OTHER, bridge: e.bridge === true,
        startDate: (e.pairing && e.pairing.startDate) || '', endDate: (e.pairing && e.pairing.endDate) || '',
        ...(cat === 'flow' ? { pairings: e.pairings, width: e.width, colour: FLOW_COLOUR } : {}),
      } });
    }
    const nodes = [...this.nodes.values()].map(n => {
      if (n.kind === 'Region') {
        const c = n.county;
        return { group: 'nodes', data: {
          id: n.id, label: n.label, kind: 'Region', code: c.code, regionName: c.name, size: n.size,
          colour: colours.get(c.code) || UNKNOWN_COLOUR, pairings: c.pairings, within: c.within, out: c.out, into: c.into,
          schools: c.paired == null ? -1 : c.paired,
        } };
      }
      const region = n.school && n.school.region;
      const county = region && region.level === 'COUNTY' ? region : null;
      const count = mentees.has(n.id) ? mentees.get(n.id).size : 0;
      const m = n.measures || {};
      return { group: 'nodes', data: {
        id: n.id, label: n.label, kind: n.kind, synthetic: !!n.synthetic, expanded: expanded.has(n.id),
        mentees: count, size: Math.min(22 + 9 * Math.sqrt(count), 70),
        countyCode: county ? county.code : '', regionName: region ? region.name : '',
        prefectureCode: county && county.parent ? county.parent.code : '',
        type: (n.school && n.school.type) || '',
        colour: county ? (colours.get(county.code) || UNKNOWN_COLOUR) : UNKNOWN_COLOUR,
        hasMeasures: !!n.measures, degree: m.degree || 0, betweenness: m.betweenness || 0, pageRank: m.pageRank || 0,
        reach2: m.reach2 || 0, coreNumber: m.coreNumber || 0, articulation: m.articulation === true,
        community: m.community == null ? -1 : m.community,
      } };
    });
    return { nodes, edges };
  }
}

/**
 * Puts the elements into Cytoscape: removes what left, adds what came (next to a
 * neighbour already drawn, so the layout starts from the picture people saw), updates
 * the rest. True when the set of elements changed (a layout is then due).
 */
export function apply(cy, { nodes, edges }) {
  const wanted = new Set([...nodes, ...edges].map(e => e.data.id));
  const gone = cy.elements().filter(el => !wanted.has(el.id()));
  let changed = gone.nonempty();
  const neighbours = new Map();
  for (const e of edges) {
    for (const [a, b] of [[e.data.source, e.data.target], [e.data.target, e.data.source]]) {
      if (!neighbours.has(a)) neighbours.set(a, []);
      neighbours.get(a).push(b);
    }
  }
  cy.batch(() => {
    gone.remove();
    const extent = cy.nodes().nonempty() ? cy.nodes().boundingBox() : { x1: 0, y1: 0, w: 400, h: 300 };
    const added = [];
    for (const n of nodes) {
      const el = cy.getElementById(n.data.id);
      if (el.nonempty()) {
        el.data(n.data);
        continue;
      }
      const near = (neighbours.get(n.data.id) || []).map(id => cy.getElementById(id)).find(x => x.nonempty());
      const random = seededRandom(hash(n.data.id));
      const jitter = () => (random() - 0.5) * 120;
      n.position = near
        ? { x: near.position('x') + jitter(), y: near.position('y') + jitter() }
        : { x: extent.x1 + random() * Math.max(extent.w, 200), y: extent.y1 + random() * Math.max(extent.h, 200) };
      added.push(n);
    }
    if (added.length) {
      cy.add(added);
      changed = true;
    }
    const newEdges = [];
    for (const e of edges) {
      const el = cy.getElementById(e.data.id);
      if (el.nonempty()) el.data(e.data);
      else newEdges.push(e);
    }
    if (newEdges.length) {
      cy.add(newEdges);
      changed = true;
    }
  });
  return changed;
}

// cose costs about n² per iteration: measured in Chromium on 2 busy cores, 491 schools took
// 1.5 s for 250 iterations, 1,700 nodes 24 s for 200. Above SMALL_FORCE nodes the force
// layout is the explorer's own (gridForce: repulsion only between nodes in neighbouring
// cells of a grid, so an iteration costs about n, not n²); above MOST_FORCE it falls back
// to rings, so the page never freezes for long.
const SMALL_FORCE = 200;
const MOST_FORCE = 3000;

/** A small seeded generator (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number from a string (FNV-1a), to seed by a node's id. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Runs fn with Math.random replaced by a generator seeded from the drawn elements, so the
 * same elements are always laid out the same way (Cytoscape's cose draws random numbers).
 */
function seeded(cy, fn) {
  const original = Math.random;
  Math.random = seededRandom(hash(cy.elements().map(e => e.id()).sort().join(',')));
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/**
 * Lays the graph out as the view asks: 'force' (cose, seeded), 'hierarchy' (mentors above
 * their mentees) or 'concentric' (rings by the measure the schools are sized by; the
 * most in the middle). Returns the layout used: a force layout of a large graph falls
 * back to rings.
 */
export function layout(cy, fresh, view = { layout: 'force', size: 'mentees' }, counties = null) {
  const n = cy.nodes().length;
  if (n === 0) return view.layout;
  if (counties && view.layout === 'force') {
    countiesInACircle(cy, counties);
    return 'force';
  }
  const byMeasure = view.size === 'mentees' ? node => node.degree() : node => node.data(view.size) || 0;
  if (view.layout === 'concentric' || (view.layout === 'force' && n > MOST_FORCE)) {
    let max = 0;
    cy.nodes().forEach(node => { max = Math.max(max, byMeasure(node)); });
    cy.layout({
      name: 'concentric', animate: false, fit: false, minNodeSpacing: 6, avoidOverlap: true,
      concentric: byMeasure, levelWidth: () => (max > 0 ? max / 8 : 1),
    }).run();
    return 'concentric';
  }
  if (view.layout === 'hierarchy') {
    layers(cy);
    return 'hierarchy';
  }
  seededForce(cy, fresh, n);
  return 'force';
}

/**
 * A network drawn as counties: the counties (codes, sorted) on a circle in the order of
 * their codes, so a prefecture's counties sit together and every flow is a chord that
 * crosses no square; an opened county's place is as wide as its schools need, and they are
 * laid out by force around it with the squares held still (before, they dragged the
 * squares into their middle). The picture hangs only on what is drawn, not on the order
 * it was opened in: a link redraws it.
 */
function countiesInACircle(cy, codes) {
  const squares = cy.nodes('[kind = "Region"]');
  const byCode = new Map(squares.map(node => [node.data('code'), node]));
  // An opened county's schools gather outside the ring, beside its place: a disc of about
  // an ideal line's length (70) between neighbours, which its place on the ring is as wide as.
  const schoolsOf = new Map();
  cy.nodes().not(squares).forEach(node => {
    const code = node.data('countyCode');
    if (code) schoolsOf.set(code, (schoolsOf.get(code) || 0) + 1);
  });
  const disc = code => 40 * Math.sqrt(schoolsOf.get(code) || 1);
  const room = code => (byCode.has(code) ? byCode.get(code).data('size') : 2 * disc(code)) + 40;
  const radius = Math.max(150, codes.reduce((sum, code) => sum + room(code), 0) / (2 * Math.PI));
  const place = new Map();
  let along = 0;
  for (const code of codes) {
    const angle = ((along + room(code) / 2) / radius) - Math.PI / 2;
    along += room(code);
    const distance = byCode.has(code) ? radius : radius + disc(code) + 60;
    place.set(code, { x: distance * Math.cos(angle), y: distance * Math.sin(angle) });
  }
  cy.batch(() => squares.forEach(node => node.position(place.get(node.data('code')))));
  const others = cy.nodes().not(squares);
  if (others.empty()) return;
  // Where they start hangs on their ids alone (not on what was drawn before), so a link redraws the same picture.
  cy.batch(() => others.forEach(node => {
    const r = seededRandom(hash(node.id()));
    const at = place.get(node.data('countyCode')) || { x: 0, y: 0 };
    node.position({ x: at.x + (r() - 0.5) * 240, y: at.y + (r() - 0.5) * 240 });
  }));
  squares.lock();
  try {
    gridForce(cy, { anchor: node => place.get(node.data('countyCode')) });
  } finally {
    squares.unlock();
  }
}

function seededForce(cy, fresh, n) {
  seeded(cy, () => {
    if (fresh) {
      // Start every node where its id says, so the result does not hang on arrival order.
      cy.nodes().forEach(node => {
        const r = seededRandom(hash(node.id()));
        node.position({ x: r() * 600, y: r() * 400 });
      });
    }
    if (n > SMALL_FORCE) {
      gridForce(cy);
      return;
    }
    cy.layout({
      name: 'cose', animate: false, fit: false, randomize: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 70, nodeRepulsion: () => 9000, edgeElasticity: () => 80, gravity: 0.6,
      numIter: 1000, componentSpacing: 60, padding: 30,
    }).run();
  });
}

/**
 * A force-directed layout for larger pictures (Fruchterman and Reingold's forces): lines
 * pull their ends together, nodes closer than two ideal lengths push each other apart
 * (found through a grid of cells of that size), a weak pull to the middle keeps the parts
 * together, and each step moves a node at most as far as a temperature that falls to
 * nothing. No random number: it starts from the nodes' places, so the same places give
 * the same picture.
 */
export function gridForce(cy, { iterations = 300, length = 70, anchor = () => undefined } = {}) {
  // In the order of their ids: the same elements give the same picture, however they arrived.
  const byId = (a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);
  const nodes = cy.nodes().sort(byId);
  const n = nodes.length;
  const index = new Map();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const radius = new Float64Array(n);
  const fixed = new Uint8Array(n); // locked nodes push and pull but stay where they are
  // A node with an anchor (an opened county's place) is held there as by a line; the others
  // are pulled to the middle of all by a weak gravity.
  const anchored = new Uint8Array(n);
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  nodes.forEach((node, i) => {
    fixed[i] = node.locked() ? 1 : 0;
    const a = anchor(node);
    if (a) { anchored[i] = 1; ax[i] = a.x; ay[i] = a.y; }
    index.set(node.id(), i);
    const p = node.position();
    x[i] = p.x;
    y[i] = p.y;
    radius[i] = (node.data('size') || 26) / 2;
  });
  const links = [];
  cy.edges().sort(byId).forEach(e => {
    const a = index.get(e.source().id());
    const b = index.get(e.target().id());
    if (a !== undefined && b !== undefined && a !== b) links.push(a, b);
  });
  const cell = 2 * length;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = length * 4;
  const cooling = temperature / iterations;
  // The grid as arrays (nodes sorted by cell, each cell's first index): no allocation per step.
  // Its size is bounded: no node moves more than the sum of the temperatures (about 150 cells).
  const cellOf = new Int32Array(n);
  const order = new Int32Array(n);
  let starts = new Int32Array(0);
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(x[i] / cell);
      const gy = Math.floor(y[i] / cell);
      if (gx < minX) minX = gx;
      if (gx > maxX) maxX = gx;
      if (gy < minY) minY = gy;
      if (gy > maxY) maxY = gy;
    }
    const columns = maxX - minX + 1;
    const rows = maxY - minY + 1;
    const cells = columns * rows;
    if (starts.length < cells + 1) starts = new Int32Array(cells + 1);
    else starts.fill(0, 0, cells + 1);
    for (let i = 0; i < n; i++) {
      const c = (Math.floor(x[i] / cell) - minX) * rows + (Math.floor(y[i] / cell) - minY);
      cellOf[i] = c;
      starts[c + 1]++;
    }
    for (let c = 0; c < cells; c++) starts[c + 1] += starts[c];
    const fill = starts.slice(0, cells);
    for (let i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;
    // Each pair of nodes closer than a cell once: a cell's own pairs, and its nodes with those of
    // the four cells after it (below, and the column to the right); half the visits of all nine.
    const push = (i, j) => {
      let ex = x[i] - x[j];
      let ey = y[i] - y[j];
      let d2 = ex * ex + ey * ey;
      if (d2 === 0) { ex = ((i * 7919 + j) % 13) - 6 || 1; ey = ((j * 7919 + i) % 11) - 5 || 1; d2 = ex * ex + ey * ey; }
      if (d2 >= cell * cell) return;
      const room = length + radius[i] + radius[j];
      const f = (room * room) / d2;
      dx[i] += ex * f; dy[i] += ey * f;
      dx[j] -= ex * f; dy[j] -= ey * f;
    };
    for (let column = 0; column < columns; column++) {
      for (let row = 0; row < rows; row++) {
        const c = column * rows + row;
        const end = starts[c + 1];
        for (let p = starts[c]; p < end; p++) {
          const i = order[p];
          for (let q = p + 1; q < end; q++) push(i, order[q]);
          if (row + 1 < rows) for (let q = starts[c + 1]; q < starts[c + 2]; q++) push(i, order[q]);
          if (column + 1 < columns) {
            const right = c + rows;
            for (let q = starts[right - (row > 0 ? 1 : 0)]; q < starts[right + (row + 1 < rows ? 2 : 1)]; q++) push(i, order[q]);
          }
        }
      }
    }
    for (let k = 0; k < links.length; k += 2) {
      const a = links[k];
      const b = links[k + 1];
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      const d = Math.sqrt(ex * ex + ey * ey) || 1;
      // A line to a node held still pulls less: an opened county's schools stay by its place.
      const f = (fixed[a] || fixed[b] ? 0.2 : 1) * d / length;
      dx[a] -= ex * f; dy[a] -= ey * f;
      dx[b] += ex * f; dy[b] += ey * f;
    }
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
    mx /= n;
    my /= n;
    for (let i = 0; i < n; i++) {
      let gx;
      let gy;
      if (anchored[i]) {
        // Held to its anchor as by a line (a pull that grows with the square of the distance).
        const ex = x[i] - ax[i];
        const ey = y[i] - ay[i];
        const f = (0.25 * Math.sqrt(ex * ex + ey * ey)) / length;
        gx = dx[i] - ex * f;
        gy = dy[i] - ey * f;
      } else {
        gx = dx[i] - (x[i] - mx) * 0.02;
        gy = dy[i] - (y[i] - my) * 0.02;
      }
      const d = Math.sqrt(gx * gx + gy * gy);
      if (d > 0 && !fixed[i]) {
        const move = Math.min(d, temperature);
        x[i] += (gx / d) * move;
        y[i] += (gy / d) * move;
      }
    }
    temperature = Math.max(temperature - cooling, 1);
  }
  cy.batch(() => nodes.forEach((node, i) => { if (!fixed[i]) node.position({ x: x[i], y: y[i] }); }));
}

/**
 * Mentors above their mentees: each school on the row of its shortest chain of pairings
 * from a school no one drawn mentors (a ring of schools all mentored starts from its
 * smallest id); groups and programs on the row below their first member. Within a row,
 * schools stand under the mean place of their mentors, so chains read top down.
 */
function layers(cy) {
  const ROW = 110;
  const COLUMN = 64;
  const schools = cy.nodes('[kind = "School"]');
  const pairingsOut = n => n.outgoers('edge[cat = "pairing"]').targets();
  const depth = new Map();
  const queue = [];
  const start = n => { depth.set(n.id(), 0); queue.push(n); };
  const bfs = () => {
    while (queue.length) {
      const n = queue.shift();
      pairingsOut(n).forEach(m => {
        if (!depth.has(m.id())) { depth.set(m.id(), depth.get(n.id()) + 1); queue.push(m); }
      });
    }
  };
  const byId = (a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);
  schools.filter(n => n.incomers('edge[cat = "pairing"]').empty()).sort(byId).forEach(start);
  bfs();
  schools.filter(n => !depth.has(n.id())).sort(byId).forEach(n => {
    if (!depth.has(n.id())) { start(n); bfs(); }
  });
  cy.nodes().not(schools).forEach(n => {
    const members = n.incomers('edge').sources();
    depth.set(n.id(), (members.nonempty() ? Math.min(...members.map(m => depth.get(m.id()) || 0)) : 0) + 1);
  });
  const rows = new Map();
  cy.nodes().sort(byId).forEach(n => {
    const d = depth.get(n.id());
    if (!rows.has(d)) rows.set(d, []);
    rows.get(d).push(n);
  });
  const x = new Map();
  [...rows.keys()].sort((a, b) => a - b).forEach(d => {
    const row = rows.get(d);
    const place = n => {
      const above = n.incomers('edge').sources().filter(m => x.has(m.id()));
      return above.nonempty() ? above.map(m => x.get(m.id())).reduce((a, b) => a + b, 0) / above.length : Infinity;
    };
    const keyed = row.map((n, i) => ({ n, key: place(n), i }));
    keyed.sort((a, b) => (a.key === b.key ? a.i - b.i : a.key < b.key ? -1 : 1));
    keyed.forEach(({ n }, i) => x.set(n.id(), (i - (keyed.length - 1) / 2) * COLUMN));
  });
  cy.batch(() => cy.nodes().forEach(n => n.position({ x: x.get(n.id()), y: depth.get(n.id()) * ROW })));
}
