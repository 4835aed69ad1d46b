// Dragging a large picture. Cytoscape pans by drawing every element again at each frame, or,
// with its textureOnViewport, by first drawing the whole view again into a texture: at
// 40,000 lines that is one frame of seconds before the picture moves. Above a size, a drag
// that starts off the nodes here moves the picture as it is already drawn (a CSS transform
// of Cytoscape's canvases) and the elements are drawn again once, where the drag ends.
// A press that does not move is a tap, on what is under it, as Cytoscape would have said.
// Hover is not looked for in a large picture (below).

/** How far (px) a press may move and still be a tap. */
const TAP_SLOP = 4;

/** The node drawn under (x, y), rendered coordinates in the container; nodes only, from their positions. */
function nodeAt(cy, x, y) {
  const pan = cy.pan();
  const zoom = cy.zoom();
  const mx = (x - pan.x) / zoom;
  const my = (y - pan.y) / zoom;
  let found = null;
  cy.nodes().forEach(n => {
    if (found) return;
    const p = n.position();
    const hw = n.width() / 2 + 2 / zoom;
    const hh = n.height() / 2 + 2 / zoom;
    if (Math.abs(p.x - mx) <= hw && Math.abs(p.y - my) <= hh && n.visible()) found = n;
  });
  return found;
}

/**
 * Turns the fast drag on for pictures of more than `above` elements (`above()` asked at each press).
 * Returns the drag's figures for the benchmark: `{ drags, lastRedrawMs }`.
 */
export function fastPanning(cy, above) {
  const container = cy.container();
  const figures = { drags: 0, lastRedrawMs: null };
  let drag = null;

  container.addEventListener('pointerdown', e => {
    if (e.button !== 0 || !e.isPrimary || !cy.userPanningEnabled() || cy.elements().length <= above()) return;
    const box = container.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    if (nodeAt(cy, x, y)) return; // a node: Cytoscape's own (select, drag the node, double tap)
    // Cancelling the press keeps the mouse events that follow it from Cytoscape.
    e.preventDefault();
    e.stopPropagation();
    const layer = container.firstElementChild;
    drag = { id: e.pointerId, x0: e.clientX, y0: e.clientY, x, y, dx: 0, dy: 0, layer, moved: false };
    container.setPointerCapture(e.pointerId);
  }, true);

  container.addEventListener('pointermove', e => {
    if (!drag || e.pointerId !== drag.id) return;
    e.stopPropagation();
    drag.dx = e.clientX - drag.x0;
    drag.dy = e.clientY - drag.y0;
    if (!drag.moved && Math.hypot(drag.dx, drag.dy) <= TAP_SLOP) return;
    drag.moved = true;
    drag.layer.style.transform = `translate(${drag.dx}px, ${drag.dy}px)`;
  }, true);

  const end = e => {
    if (!drag || e.pointerId !== drag.id) return;
    e.stopPropagation();
    const done = drag;
    drag = null;
    if (container.hasPointerCapture(e.pointerId)) container.releasePointerCapture(e.pointerId);
    if (!done.moved) {
      if (e.type === 'pointercancel') return;
      // A tap: on the line under it, else on the background (what Cytoscape would have said).
      const r = cy.renderer();
      const at = r.projectIntoViewport(e.clientX, e.clientY);
      const hit = r.findNearestElement(at[0], at[1], true, false);
      (hit || cy).emit('tap');
      return;
    }
    figures.drags++;
    const started = performance.now();
    cy.one('render', () => {
      // The picture stays where it was dragged until it is drawn there (the same frame): no jump back.
      done.layer.style.transform = '';
      figures.lastRedrawMs = Math.round(performance.now() - started);
    });
    cy.panBy({ x: done.dx, y: done.dy });
  };
  // Moving the mouse over the picture without a button: Cytoscape looks for the element
  // under it at each move (for hover), a third of a second at 40,000 lines; nothing here
  // uses hover, so a large picture does not look.
  container.addEventListener('mousemove', e => {
    if (e.buttons === 0 && cy.elements().length > above()) e.stopPropagation();
  }, true);
  container.addEventListener('pointerup', end, true);
  container.addEventListener('pointercancel', end, true);
  return figures;
}
