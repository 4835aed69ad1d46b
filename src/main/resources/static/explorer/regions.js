// Province scale: a whole network of more than REGIONS_ABOVE schools is drawn as the
// network of its counties (regionFlows at county level): one node per county, sized by the
// pairings with a school there, one line per flow from the mentors' county to the mentees',
// as wide as its pairings. A county opened is drawn as its schools (the network filtered to
// it); its partners located in counties not opened stay folded into their county's node.

const REGION_PREFIX = 'region:';
export const regionId = code => REGION_PREFIX + code;
export const isRegionId = id => String(id).startsWith(REGION_PREFIX);
export const regionCodeOf = id => String(id).slice(REGION_PREFIX.length);

const SMALLEST = 34;
const LARGEST = 110;

/**
 * Each county of the answer (api.regionNetwork) with its figures: pairings within it,
 * out of it, into it, and all pairings with a school there; its schools in a pairing and
 * all its schools (when the coverage has its row: a county outside the filter's region
 * has none). Its name and prefecture are those of `regionByCode` (the page's lookups: the
 * answer names the counties by code only); a county missing there is named by its code.
 * Counties with no pairing are left out.
 */
export function counties(answer, regionByCode) {
  const all = new Map();
  const county = r => {
    if (!all.has(r.code)) {
      const known = regionByCode.get(r.code);
      all.set(r.code, { code: r.code, name: known ? known.name : r.code, parent: (known && known.parent) || null,
        schools: null, paired: null, within: 0, out: 0, into: 0 });
    }
    return all.get(r.code);
  };
  for (const c of answer.coverage) {
    const x = county(c.region);
    x.schools = c.schools;
    x.paired = c.pairedSchools;
  }
  for (const f of answer.flows) {
    if (f.from.code === f.to.code) county(f.from).within += f.pairings;
    else {
      county(f.from).out += f.pairings;
      county(f.to).into += f.pairings;
    }
  }
  for (const c of all.values()) c.pairings = c.within + c.out + c.into;
  return new Map([...all].filter(([, c]) => c.pairings > 0).sort(([a], [b]) => a.localeCompare(b)));
}

/** What a county's node says: its name, its schools in a pairing and its pairings. */
export function regionLabel(c) {
  const schools = c.paired == null ? '' : `${c.paired.toLocaleString('en')} schools · `;
  return `${c.name}\n${schools}${c.pairings.toLocaleString('en')} pairings`;
}

/** Above this many lines between counties, only each county's heaviest are drawn, unless every flow is asked for. */
export const MOST_FLOWS = 600;
/** The flows kept of each county, out of it and into it, when not all are drawn. */
export const HEAVIEST_EACH_WAY = 3;

/**
 * The flows to draw: all of them up to MOST_FLOWS; above, those among the
 * HEAVIEST_EACH_WAY heaviest out of their mentors' county or into their mentees' (ties by
 * the counties' codes), so every county keeps its main partners and the picture stays
 * readable (7,796 lines between 100 counties drew as a grey disc, in seconds).
 */
export function heavierFlows(flows, every = false) {
  if (every || flows.length <= MOST_FLOWS) return flows;
  const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const heaviestFirst = (a, b) => b.pairings - a.pairings || byCode(a.from.code, b.from.code) || byCode(a.to.code, b.to.code);
  const out = new Map();
  const into = new Map();
  for (const f of flows) {
    if (!out.has(f.from.code)) out.set(f.from.code, []);
    if (!into.has(f.to.code)) into.set(f.to.code, []);
    out.get(f.from.code).push(f);
    into.get(f.to.code).push(f);
  }
  const kept = new Set();
  for (const list of [...out.values(), ...into.values()]) {
    list.sort(heaviestFirst).slice(0, HEAVIEST_EACH_WAY).forEach(f => kept.add(f));
  }
  return flows.filter(f => kept.has(f));
}

/**
 * Puts the network of counties into the model: a node per county not opened, a line per
 * flow between two of them (the heavier ones only above MOST_FLOWS, unless everyFlow); a
 * school of an opened county's answer located in a county not opened is replaced by that
 * county's node (its pairings end there). Returns the counties, and how many flows run
 * between the counties drawn and how many of them are drawn.
 */
export function addRegions(model, answer, regionByCode, opened, everyFlow = false) {
  const all = counties(answer, regionByCode);
  const most = Math.max(1, ...[...all.values()].map(c => c.pairings));
  const mostFlow = Math.max(1, ...answer.flows.map(f => f.pairings));
  const folded = new Map();
  for (const [id, n] of model.nodes) {
    const region = n.school && n.school.region;
    if (n.kind !== 'School' || !region || region.level !== 'COUNTY') continue;
    if (!opened.has(region.code) && all.has(region.code)) folded.set(id, regionId(region.code));
  }
  for (const id of folded.keys()) model.nodes.delete(id);
  for (const [id, e] of model.edges) {
    if (!folded.has(e.source) && !folded.has(e.target)) continue;
    model.edges.set(id, { ...e, source: folded.get(e.source) || e.source, target: folded.get(e.target) || e.target, bridge: false });
  }
  for (const c of all.values()) {
    if (opened.has(c.code)) continue;
    model.nodes.set(regionId(c.code), {
      id: regionId(c.code), kind: 'Region', label: regionLabel(c), county: c,
      size: SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(c.pairings / most),
    });
  }
  const between = answer.flows.filter(f => f.from.code !== f.to.code && !opened.has(f.from.code) && !opened.has(f.to.code)
    && all.has(f.from.code) && all.has(f.to.code));
  const drawn = heavierFlows(between, everyFlow);
  for (const f of drawn) {
    const id = `flow:${f.from.code}>${f.to.code}`;
    model.edges.set(id, { id, source: regionId(f.from.code), target: regionId(f.to.code), kind: 'FLOW', pairings: f.pairings,
      width: 1 + 9 * Math.sqrt(f.pairings / mostFlow) });
  }
  return { counties: all, flows: between.length, flowsDrawn: drawn.length };
}
