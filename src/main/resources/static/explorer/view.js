// The explorer's view as plain data, and its two renderings: the page's address (so a
// copied link reopens the same view) and the PairingFilter every query is sent with.

export const LEVELS = ['COUNTY', 'PREFECTURE', 'PROVINCE'];
/** What a school's size may show: its mentees drawn (the default) or a measure of NodeMeasures. */
export const SIZES = ['mentees', 'degree', 'betweenness', 'pageRank', 'reach2', 'coreNumber'];
/** What a school's colour may show: its county (the default), type, program, community or a measure. */
export const COLOURS = ['county', 'type', 'program', 'community', 'degree', 'betweenness', 'pageRank', 'reach2', 'coreNumber'];
export const LAYOUTS = ['force', 'hierarchy', 'concentric'];
export const TABS = ['details', 'stats', 'pairings', 'map'];
/** How a whole network is drawn: '' lets its size decide (regions above REGIONS_ABOVE schools), or as chosen. */
export const SCALES = ['', 'regions', 'schools'];
/** A whole network of more schools than this is drawn as its counties (regionFlows), each expandable into its schools. */
export const REGIONS_ABOVE = 2000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_FIELDS = ['programId', 'kinds', 'regionCode', 'mentorId', 'menteeId', 'activeOn'];

export function emptyView() {
  return {
    schools: [],      // schools added by hand (search, a details link, a top mentor)
    expand: [],       // schools whose neighbourhood is drawn
    depth: 1,         // hops of every neighbourhood, 1..3
    programId: '', kinds: [], regionCode: '', mentorId: '', menteeId: '', activeOn: '',
    groups: false,    // show education groups (and hop through them)
    programs: false,  // show programs
    network: false,   // draw the whole network the filter selects
    from: '', to: '', // the ends of the highlighted path
    selected: '',     // the element whose details are shown
    level: 'COUNTY',  // regions of the coverage table
    size: 'mentees',  // what a school's size shows (SIZES)
    colour: 'county', // what a school's colour shows (COLOURS)
    layout: 'force',  // how the picture is laid out (LAYOUTS)
    tab: '',          // the side panel's tab (TABS); '' lets the page choose
    scale: '',        // a whole network as counties or schools (SCALES); '' lets its size decide
    openRegions: [],  // counties drawn as their schools when the network is drawn as counties
    allFlows: false,  // every flow between the counties drawn, not only each county's heaviest
  };
}

const unique = list => [...new Set(list)];

export function readView(search) {
  const p = new URLSearchParams(search);
  const view = emptyView();
  const list = name => unique((p.get(name) || '').split(',').map(s => s.trim()).filter(Boolean));
  const flag = name => ['1', 'true', 'yes'].includes((p.get(name) || '').toLowerCase());
  view.schools = list('schools');
  view.expand = list('expand');
  view.kinds = list('kinds');
  view.openRegions = list('openRegions');
  const depth = Number(p.get('depth'));
  if ([1, 2, 3].includes(depth)) view.depth = depth;
  for (const name of ['programId', 'regionCode', 'mentorId', 'menteeId', 'from', 'to', 'selected']) {
    view[name] = (p.get(name) || '').trim();
  }
  const day = (p.get('activeOn') || '').trim();
  if (DAY.test(day)) view.activeOn = day;
  view.groups = flag('groups');
  view.programs = flag('programs');
  view.network = flag('network');
  view.allFlows = flag('allFlows');
  if (LEVELS.includes(p.get('level'))) view.level = p.get('level');
  if (SIZES.includes(p.get('size'))) view.size = p.get('size');
  if (COLOURS.includes(p.get('colour'))) view.colour = p.get('colour');
  if (LAYOUTS.includes(p.get('layout'))) view.layout = p.get('layout');
  if (TABS.includes(p.get('tab'))) view.tab = p.get('tab');
  if (SCALES.includes(p.get('scale'))) view.scale = p.get('scale');
  return view;
}

/** The query string of a view: only what differs from an empty view, in a fixed order. */
export function writeView(view) {
  const p = new URLSearchParams();
  const put = (name, value) => { if (value) p.set(name, value); };
  put('schools', view.schools.join(','));
  put('expand', view.expand.join(','));
  if (view.depth !== 1) p.set('depth', String(view.depth));
  for (const name of FILTER_FIELDS) {
    put(name, name === 'kinds' ? view.kinds.join(',') : view[name]);
  }
  if (view.groups) p.set('groups', '1');
  if (view.programs) p.set('programs', '1');
  if (view.network) p.set('network', '1');
  put('scale', view.scale);
  put('openRegions', view.openRegions.join(','));
  if (view.allFlows) p.set('allFlows', '1');
  put('from', view.from);
  put('to', view.to);
  put('selected', view.selected);
  if (view.level !== 'COUNTY') p.set('level', view.level);
  if (view.size !== 'mentees') p.set('size', view.size);
  if (view.colour !== 'county') p.set('colour', view.colour);
  if (view.layout !== 'force') p.set('layout', view.layout);
  put('tab', view.tab);
  return readable(p);
}

/** The PairingFilter of a view, or null when it filters nothing. */
export function pairingFilter(view) {
  const filter = {};
  for (const name of FILTER_FIELDS) {
    const value = view[name];
    if (Array.isArray(value) ? value.length : value) filter[name] = value;
  }
  return Object.keys(filter).length ? filter : null;
}

/** The query string of the export links: the filter, and (for graphs) what to include. */
export function exportQuery(view, withIncludes) {
  const p = new URLSearchParams();
  const filter = pairingFilter(view) || {};
  for (const name of FILTER_FIELDS) {
    if (filter[name]) p.set(name, Array.isArray(filter[name]) ? filter[name].join(',') : filter[name]);
  }
  if (withIncludes) {
    p.set('includeGroups', String(view.groups));
    p.set('includePrograms', String(view.programs));
  }
  return readable(p);
}

// Commas may stand in a query as they are; links read better without %2C.
const readable = params => params.toString().replace(/%2C/gi, ',');

/** A key that changes whenever the filter does: cached answers are per filter. */
export function filterKey(view) {
  return JSON.stringify(pairingFilter(view));
}
