// The page's questions to the API, each asked once: an answer is kept once it comes, and a
// question on its way is shared by whoever waits for it. A module of its own so that the
// first view's questions can leave before the rest of the page is read (early.js).

import * as api from './api.js';
import { pairingFilter, filterKey, REGIONS_ABOVE } from './view.js';

export const answers = new Map(); // question key -> answer (only successful ones)
const pending = new Map();        // question key -> the answer on its way

/** The answer kept, else the question on its way (asked now unless it already is); its answer is kept once it comes. */
export function launch(key, question) {
  if (answers.has(key)) return Promise.resolve(answers.get(key));
  if (!pending.has(key)) {
    const answer = question().then(a => { answers.set(key, a); return a; }).finally(() => pending.delete(key));
    answer.catch(() => {}); // whoever waits for it says what went wrong
    pending.set(key, answer);
  }
  return pending.get(key);
}

export const LOOKUPS = 'lookups';
export const sizeKey = v => `size|${filterKey(v)}`;
export const regionsKey = v => `regions|${filterKey(v)}`;
export const networkKey = v => `network|${v.groups}|${v.programs}|${filterKey(v)}`;

/**
 * The questions a view asks of the API to draw its picture (a whole network drawn as regions:
 * its opened counties' networks). `names` words them for the page's messages (a school's and
 * a region's name from their ids); the questions asked are the same whatever it says.
 */
export function questionsOf(view, asRegions, names = { school: id => id, region: code => code }) {
  const filter = pairingFilter(view);
  const key = filterKey(view);
  const questions = [];
  for (const id of view.schools.filter(id => !view.expand.includes(id))) {
    questions.push({ key: `school|${id}`, what: `the school ${names.school(id)}`, ask: () => api.schoolNode(id) });
  }
  for (const id of view.expand) {
    questions.push({ key: `around|${id}|${view.depth}|${view.groups}|${key}`, what: `the neighbourhood of ${names.school(id)}`,
      ask: () => api.neighbourhood(id, view.depth, filter, view.groups) });
  }
  if (view.network && asRegions) {
    // A network drawn as regions: the opened counties' networks (the filter's, within the county).
    for (const code of view.openRegions) {
      const within = { ...(filter || {}), regionCode: code };
      questions.push({ key: `network|${view.groups}|${view.programs}|${JSON.stringify(within)}`, county: code,
        what: `the network of ${names.region(code)}`, ask: () => api.network(within, view.groups, view.programs) });
    }
  } else if (view.network) {
    questions.push({ key: networkKey(view), what: 'the whole network of the filter', network: true,
      ask: () => api.network(filter, view.groups, view.programs) });
  }
  if (view.from && view.to) {
    questions.push({ key: `path|${view.from}|${view.to}|${view.groups}|${key}`, what: 'the path', path: true,
      ask: () => api.path(view.from, view.to, filter, view.groups) });
  }
  return questions;
}

/**
 * What the view the page opens at asks before anything else: the regions and programs, and
 * every question of its picture (questionsOf); for a whole network, how many schools it has
 * first and then, as that decides, its counties or its schools. Asked again by the page's own
 * script (main.js, with the names for its messages), these find the answers on their way.
 * Resolves once the last of them has been asked (not answered), whatever the answers.
 */
export function askFirst(view, names) {
  launch(LOOKUPS, () => api.lookups());
  const askAll = asRegions => {
    if (asRegions) launch(regionsKey(view), () => api.regionNetwork(pairingFilter(view)));
    for (const q of questionsOf(view, asRegions, names)) launch(q.key, q.ask);
  };
  if (view.network && view.scale === '') {
    // The size decides how the network is drawn: the rest is asked at once, the drawing once the size is in.
    // The drawing's own failure is the page's to show (it asks again and waits): none left unhandled here.
    for (const q of questionsOf(view, false, names).filter(q => !q.network)) launch(q.key, q.ask);
    return launch(sizeKey(view), () => api.networkSize(pairingFilter(view))).then(size => { askAll(size > REGIONS_ABOVE); }, () => {});
  }
  askAll(view.network && view.scale === 'regions');
  return Promise.resolve();
}
