// Loaded (async) before Cytoscape, the page's largest script: the first view's questions are
// on their way while it is fetched and read, not after (questions.js).
import { askFirst } from './questions.js';
import { readView } from './view.js';

askFirst(readView(window.location.search));
