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
 * What the view the page opens at asks before anything else: the regions and programs and,
 * for a whole network, how many schools it has and then, as that decides, its counties
 * or its schools. Asked again by the page's own script, these find the answers on their way.
 * Resolves once the last of them has been asked (not answered), whatever the answers.
 */
export function askFirst(view) {
  launch(LOOKUPS, () => api.lookups());
  if (!view.network) return Promise.resolve();
  const filter = pairingFilter(view);
  const drawn = asRegions => asRegions
    ? launch(regionsKey(view), () => api.regionNetwork(filter))
    : launch(networkKey(view), () => api.network(filter, view.groups, view.programs));
  if (view.scale === '') {
    // The drawing's own failure is the page's to show (it asks again and waits): none left unhandled here.
    return launch(sizeKey(view), () => api.networkSize(filter)).then(size => { drawn(size > REGIONS_ABOVE); }, () => {});
  }
  drawn(view.scale === 'regions');
  return Promise.resolve();
}
