// Dragging and wheeling a large picture. Cytoscape pans by drawing every element again at each frame, or,
// with its textureOnViewport, by first drawing the whole view again into a texture: at
// 40,000 lines that is one frame of seconds before the picture moves. Above a size, a drag
// that starts off the nodes here moves the picture as it is already drawn (a CSS transform
// of Cytoscape's canvases) and the elements are drawn again once, where the drag ends; the
// wheel likewise scales the picture as drawn about the mouse until it stops turning.
// A press that does not move is a tap, on what is under it, as Cytoscape would have said.
// Hover is not looked for in a large picture (below).

/** How far (px) a press may move and still be a tap. */
const TAP_SLOP = 4;
/** A wheel that has not turned for this long (ms) has ended its zoom. */
const WHEEL_END_MS = 200;
/** How much a wheel's 100 pixels zoom (a notch of most mice): 2^(100/500), 15 %. */
const WHEEL_PIXELS_PER_DOUBLING = 500;

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
 * Returns its figures for the tests and the benchmark: `{ drags, zooms, redraws, lastRedrawMs }`.
 */
export function fastPanning(cy, above) {
  const container = cy.container();
  const figures = { drags: 0, zooms: 0, redraws: 0, lastRedrawMs: null };
  let drag = null;
  let zooming = null;

  /** Draws the elements again at the viewport `level`/`pan` and drops the moved picture in the same frame. */
  const redrawAt = (layer, viewport) => {
    const pan = cy.pan();
    if (viewport.zoom === cy.zoom() && viewport.pan.x === pan.x && viewport.pan.y === pan.y) {
      layer.style.transform = ''; // nothing to draw again (a zoom held at its bound): Cytoscape would draw it all
      return;
    }
    figures.redraws++;
    const started = performance.now();
    cy.one('render', () => {
      // The picture stays where it was moved until it is drawn there (the same frame): no jump back.
      layer.style.transform = '';
      figures.lastRedrawMs = Math.round(performance.now() - started);
    });
    cy.viewport(viewport);
  };

  const endZoom = () => {
    const z = zooming;
    zooming = null;
    clearTimeout(z.timer);
    figures.zooms++;
    // A point drawn at p before is drawn at s * p + t: the same as zoom z0 * s and pan s * pan0 + t.
    redrawAt(z.layer, { zoom: z.z0 * z.s, pan: { x: z.s * z.pan0.x + z.tx, y: z.s * z.pan0.y + z.ty } });
  };

  // The wheel zooms the picture as drawn too, about the mouse, and draws it again once the wheel stops.
  // Cytoscape listens for the wheel on its container in the capture phase: this listens on the parent, before it.
  container.parentElement.addEventListener('wheel', e => {
    if (!container.contains(e.target) || !cy.userZoomingEnabled() || !cy.userPanningEnabled()
        || cy.elements().length <= above()) return;
    e.preventDefault();
    e.stopPropagation();
    const delta = e.deltaY * (e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 800 : 1);
    if (drag || !delta) return;
    const box = container.getBoundingClientRect();
    const px = e.clientX - box.left;
    const py = e.clientY - box.top;
    if (!zooming) {
      zooming = { s: 1, tx: 0, ty: 0, z0: cy.zoom(), pan0: { ...cy.pan() }, layer: container.firstElementChild, timer: null };
      zooming.layer.style.transformOrigin = '0 0';
    }
    const z = zooming;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), z.z0 * z.s * Math.pow(2, -delta / WHEEL_PIXELS_PER_DOUBLING)));
    const k = level / (z.z0 * z.s);
    z.tx = k * (z.tx - px) + px;
    z.ty = k * (z.ty - py) + py;
    z.s *= k;
    z.layer.style.transform = `translate(${z.tx}px, ${z.ty}px) scale(${z.s})`;
    clearTimeout(z.timer);
    z.timer = setTimeout(endZoom, WHEEL_END_MS);
  }, { capture: true, passive: false });

  container.addEventListener('pointerdown', e => {
    if (zooming) endZoom(); // a press ends the wheel's zoom; the press is then Cytoscape's
    // The mouse's (a finger or a pen is Cytoscape's: its touch events are not held back by this).
    if (e.pointerType !== 'mouse' || e.button !== 0 || !e.isPrimary || !cy.userPanningEnabled()
        || cy.elements().length <= above()) return;
    if (container.firstElementChild.style.transform) return; // still being drawn where it was moved
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
    const pan = cy.pan();
    redrawAt(done.layer, { zoom: cy.zoom(), pan: { x: pan.x + done.dx, y: pan.y + done.dy } });
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
