// Every question the explorer asks, and the one way it asks: POST /graphql, the public
// API anyone can call. Errors come back as ApiError with the API's own messages.

export class ApiError extends Error {
  constructor(errors) {
    super(errors.map(e => e.message).join('; '));
    this.errors = errors;
  }
}

export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new ApiError([{ message: 'The server did not answer: ' + e.message }]);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // Not JSON: a proxy's error page, say; the status says enough.
  }
  if (body && Array.isArray(body.errors) && body.errors.length) {
    throw new ApiError(body.errors.map(e => ({
      message: e.message || 'Unknown error',
      classification: e.extensions && e.extensions.classification,
    })));
  }
  if (!response.ok || !body || !body.data) {
    throw new ApiError([{ message: `The server answered HTTP ${response.status} ${response.statusText}`.trim() }]);
  }
  return body.data;
}

// A school's region by code: its name, level and prefecture are the lookups' (graph.js's Model), which
// saves the server reading two regions per school drawn (晋江市 on the demo, 382 schools: 45-53 ms instead of
// 52-64, medians of 41 requests).
const NODE = 'id label kind synthetic school { id type region { code } }';
const EDGE = 'id source target kind synthetic';
// The measures and the bridge pairings are those of the whole network the filter selects,
// computed once per filter by the API (and cached there): asked for with every drawing.
const MEASURES = 'measures { inDegree outDegree degree betweenness pageRank reach2 coreNumber articulation community }';
const NETWORK = `truncated nodes { ${NODE} ${MEASURES} } edges { ${EDGE} bridge pairing { startDate endDate } }`;
const PLAIN_NETWORK = `truncated nodes { ${NODE} } edges { ${EDGE} pairing { startDate endDate } }`;
const SOURCE = 'title issuer published section quote';

/** The most edges one drawn answer may bring; `truncated` says when it was cut. */
export const EDGE_LIMIT = 3000;

/** The regions that hold a school (the gazetteer's other 3,000 counties would fill the list and the page), the programs, the kinds. */
export async function lookups() {
  return graphql(`query ExplorerLookups {
    regions(holdingSchools: true) { code name level parent { code } }
    programs { id name kind year region { code name } }
    kinds: __type(name: "PairingKind") { enumValues { name } }
  }`);
}

export async function searchSchools(text) {
  const data = await graphql(`query ExplorerSearch($text: String!) {
    searchSchools(text: $text, first: 12) { id name aliases type synthetic region { name } }
  }`, { text });
  return data.searchSchools;
}

export async function schoolNode(id) {
  const data = await graphql(`query ExplorerSchool($id: ID!) {
    school(id: $id) { id name type synthetic region { code name level parent { code name } } }
  }`, { id });
  if (!data.school) {
    throw new ApiError([{ message: `No school has the id ${id}`, classification: 'NOT_FOUND' }]);
  }
  const s = data.school;
  return { truncated: false, nodes: [{ id: s.id, label: s.name, kind: 'School', synthetic: s.synthetic, school: s }], edges: [] };
}

export async function neighbourhood(id, depth, filter, groups) {
  const data = await graphql(`query ExplorerNeighbourhood($id: ID!, $depth: Int!, $filter: PairingFilter, $groups: Boolean!, $limit: Int!) {
    schoolNeighborhood(schoolId: $id, depth: $depth, filter: $filter, includeGroups: $groups, limit: $limit) { ${NETWORK} }
  }`, { id, depth, filter, groups, limit: EDGE_LIMIT });
  return data.schoolNeighborhood;
}

export async function network(filter, groups, programs) {
  const data = await graphql(`query ExplorerNetwork($filter: PairingFilter, $groups: Boolean!, $programs: Boolean!, $limit: Int!) {
    partnershipNetwork(filter: $filter, includeGroups: $groups, includePrograms: $programs, limit: $limit) { ${NETWORK} }
  }`, { filter, groups, programs, limit: EDGE_LIMIT });
  return data.partnershipNetwork;
}

/** The path drawn, or null when no chain links the two schools. */
export async function path(from, to, filter, groups) {
  const data = await graphql(`query ExplorerPath($from: ID!, $to: ID!, $filter: PairingFilter, $groups: Boolean!) {
    partnershipPathNetwork(fromSchoolId: $from, toSchoolId: $to, filter: $filter, includeGroups: $groups) { ${PLAIN_NETWORK} }
  }`, { from, to, filter, groups });
  return data.partnershipPathNetwork;
}

/** The groups and programs of many schools, in one request per batch (aliases). */
export async function memberships(ids) {
  const result = new Map();
  const BATCH = 80; // keeps a request well under the API's complexity limit
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const params = batch.map((_, i) => `$id${i}: ID!`).join(', ');
    const fields = batch.map((_, i) => `s${i}: school(id: $id${i}) { id
      groups { role since group { id name kind synthetic } }
      programs { role year program { id name kind synthetic } } }`).join('\n');
    const variables = Object.fromEntries(batch.map((id, i) => [`id${i}`, id]));
    const data = await graphql(`query ExplorerMemberships(${params}) { ${fields} }`, variables);
    batch.forEach((id, i) => result.set(id, data[`s${i}`]));
  }
  return result;
}

export async function stats(filter, level) {
  const data = await graphql(`query ExplorerStats($filter: PairingFilter, $level: RegionLevel!) {
    networkStats(filter: $filter) {
      schools mentors mentees pairings crossRegionPairings maxMenteesPerMentor meanMenteesPerMentor
      components largestComponent
      topMentors(limit: 10) { mentees school { id name region { name } } }
      coverage(level: $level) { region { code name parent { code name } } schools pairedSchools mentors mentees unpairedSchools }
    }
  }`, { filter, level });
  return data.networkStats;
}

export async function schoolDetails(id) {
  const data = await graphql(`query ExplorerSchoolDetails($id: ID!) {
    school(id: $id) {
      id name aliases type ownership nationalCode synthetic
      region { code name level parent { name } }
      mergedInto { id name }
      groups { role since group { id name kind } }
      programs { role year program { id name kind } }
      mentoring { id kind active startDate endDate mentee { id name } program { name } }
      mentoredBy { id kind active startDate endDate mentor { id name } program { name } }
      sources { ${SOURCE} }
      recognitions { title level year rank source { title section } }
    }
  }`, { id });
  return data.school;
}

export async function groupDetails(id) {
  const data = await graphql(`query ExplorerGroupDetails($id: ID!) {
    educationGroup(id: $id) {
      id name kind synthetic region { name }
      members { role since school { id name } }
      figures { label metric value unit qualifier year }
      sources { ${SOURCE} }
    }
  }`, { id });
  return data.educationGroup;
}

export async function programDetails(id) {
  const data = await graphql(`query ExplorerProgramDetails($id: ID!) {
    program(id: $id) {
      id name kind level year note synthetic region { name }
      participants { role year school { id name } }
      figures { label metric value unit qualifier year source { section } }
      sources { ${SOURCE} }
      recognitions { title level year rank }
    }
  }`, { id });
  return data.program;
}

export async function pairingDetails(id) {
  const data = await graphql(`query ExplorerPairingDetails($id: ID!) {
    pairing(id: $id) {
      id kind active startDate endDate note createdAt createdBy synthetic
      mentor { id name } mentee { id name } program { id name }
      sources { ${SOURCE} }
    }
  }`, { id });
  return data.pairing;
}

/** The schools of the filter's network ranked by a measure (SchoolMeasure), highest first. */
export async function ranking(filter, by, first = 10) {
  const data = await graphql(`query ExplorerRanking($filter: PairingFilter, $by: SchoolMeasure!, $first: Int) {
    schoolRanking(filter: $filter, by: $by, first: $first) { value school { id name region { name } } }
  }`, { filter, by, first });
  return data.schoolRanking;
}

/** The pairings that started and ended between two days, among those the filter selects. */
export async function diff(from, to, filter) {
  const data = await graphql(`query ExplorerDiff($from: Date!, $to: Date!, $filter: PairingFilter) {
    networkDiff(from: $from, to: $to, filter: $filter) {
      started { id kind startDate endDate mentor { id name } mentee { id name } }
      ended { id kind startDate endDate mentor { id name } mentee { id name } }
    }
  }`, { from, to, filter });
  return data.networkDiff;
}

/**
 * The days on which the network the filter selects changes: each pairing's first day and
 * the day after its last, in order.
 */
export async function changeDays(filter) {
  const data = await graphql(`query ExplorerDates($filter: PairingFilter) { pairingChangeDays(filter: $filter) }`, { filter });
  return data.pairingChangeDays;
}

/** Pairings from mentors in one region to mentees in another, per pair of regions of the level. */
export async function flows(level, filter) {
  const data = await graphql(`query ExplorerFlows($level: RegionLevel!, $filter: PairingFilter) {
    regionFlows(level: $level, filter: $filter) { pairings from { code name } to { code name } }
  }`, { level, filter });
  return data.regionFlows;
}

/** Coverage per region of a level: the rows of networkStats.coverage, with each region's parent. */
export async function coverage(filter, level) {
  const data = await graphql(`query ExplorerCoverage($filter: PairingFilter, $level: RegionLevel!) {
    networkStats(filter: $filter) {
      coverage(level: $level) { region { code name parent { code name } } schools pairedSchools mentors mentees unpairedSchools }
    }
  }`, { filter, level });
  return data.networkStats.coverage;
}

/** How many schools take part in the filter's network (networkStats.schools): what decides how it is drawn. */
export async function networkSize(filter) {
  const data = await graphql(`query ExplorerNetworkSize($filter: PairingFilter) { networkStats(filter: $filter) { schools } }`, { filter });
  return data.networkStats.schools;
}

/**
 * A whole network as its counties: how many schools it has (networkStats.schools), each
 * county's schools in a pairing and all its schools (coverage), and the pairings from
 * county to county (regionFlows), in one request.
 */
export async function regionNetwork(filter) {
  // The regions by code only: their names and prefectures are the lookups' (7,796 flows of the
  // 20,000-school demo network with both regions' names and parents were 1.7 MB).
  const data = await graphql(`query ExplorerRegionNetwork($filter: PairingFilter) {
    networkStats(filter: $filter) {
      schools
      coverage(level: COUNTY) { region { code } schools pairedSchools }
    }
    regionFlows(level: COUNTY, filter: $filter) { pairings from { code } to { code } }
  }`, { filter });
  return { schools: data.networkStats.schools, coverage: data.networkStats.coverage, flows: data.regionFlows };
}
