// Where the page starts. The first view's questions (questions.js) leave first: the lookups,
// the picture's schools, neighbourhoods and path, and for a whole network its size and then,
// as that decides, its counties or its schools.
// Only once the last of them has left are Cytoscape (the page's largest script) and the rest
// of the page (main.js) fetched and read, while the server answers: before, the 19 files
// came in together and the answers waited for them, and the main thread, busy reading
// Cytoscape, held back the question that follows the size.
import { askFirst } from './questions.js';
import { readView } from './view.js';

try {
  await askFirst(readView(window.location.search));
} catch (e) {
  // Whatever went wrong asking early, the page itself asks again, and says why if it fails again.
}
// Every module main.js imports, fetched beside it rather than after it has been read (ExplorerModulesTest
// fails when a module of the page is in neither this list nor index.html's preloads, or one listed is gone).
for (const name of ['main', 'regions', 'graph', 'styling', 'time', 'pairings', 'map', 'brief', 'details', 'search', 'dom', 'panning']) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `/explorer/${name}.js` }));
}
await new Promise((resolve, reject) => {
  const script = document.createElement('script');
  script.src = '/webjars/cytoscape/dist/cytoscape.min.js';
  script.onload = resolve;
  script.onerror = () => reject(new Error('Cytoscape (/webjars/cytoscape/dist/cytoscape.min.js) could not be loaded'));
  document.head.append(script);
});
await import('./main.js');
