// GraphiQL over EduGraph's /graphql, with the example operations of graphql/examples as
// its first tabs. GraphiQL remembers the tabs people edit (in localStorage) and then no
// longer shows the examples; /graphiql?examples brings them back (replacing the tabs).
(async function () {
  'use strict';
  const root = document.getElementById('graphiql');
  const params = new URLSearchParams(window.location.search);
  if (params.has('examples')) {
    localStorage.removeItem('graphiql:tabState');
    localStorage.removeItem('graphiql:query');
    params.delete('examples');
    const rest = params.toString();
    history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
  }

  let examples = [];
  try {
    const response = await fetch('/graphiql/examples', { headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    examples = await response.json();
  } catch (e) {
    // GraphiQL stays useful without its examples; say why they are missing.
    examples = [{ file: 'none', query: '# The example operations could not be loaded (' + e.message + ').\n{ regions { code name } }\n' }];
  }

  const ws = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + '/graphql-ws';
  const fetcher = GraphiQL.createFetcher({ url: '/graphql', subscriptionUrl: ws });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: examples.map(function (e) { return { query: e.query }; }),
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false
  }));
})();
