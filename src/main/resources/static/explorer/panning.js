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

/**
 * The node drawn under (x, y), rendered coordinates in the container: on its body, or on its
 * name where the name is drawn (Cytoscape grabs a node by its name too). Nodes only, from their
 * positions: Cytoscape's own search looks at every line as well.
 */
function nodeAt(cy, x, y) {
  const pan = cy.pan();
  const zoom = cy.zoom();
  const mx = (x - pan.x) / zoom;
  const my = (y - pan.y) / zoom;
  const slop = 2 / zoom;
  let found = null;
  cy.nodes().forEach(n => {
    if (found) return;
    const p = n.position();
    const dx = Math.abs(p.x - mx);
    const dy = Math.abs(p.y - my);
    if (dx <= n.width() / 2 + slop && dy <= n.height() / 2 + slop) {
      if (n.visible()) found = n;
      return;
    }
    // A name is at most its text-max-width wide about the node and below or on it: only a node
    // whose name could be there has its name's box (Cytoscape's, measured) looked at.
    if (dx > LABEL_REACH || dy > LABEL_REACH || !n.visible() || !nameDrawn(n, zoom)) return;
    const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true,
      includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false });
    if (b.w > 0 && mx >= b.x1 - slop && mx <= b.x2 + slop && my >= b.y1 - slop && my <= b.y2 + slop) found = n;
  });
  return found;
}

/** How far (model px) from its node a name may reach: half the widest name (graph.js's text-max-width 180) and more. */
const LABEL_REACH = 120;

/** Whether n's name is drawn at this zoom: it has one, and it is not too small on screen (min-zoomed-font-size). */
function nameDrawn(n, zoom) {
  const label = n.pstyle('label');
  return !!(label && label.strValue) && n.pstyle('font-size').pfValue * zoom >= n.pstyle('min-zoomed-font-size').pfValue;
}

/**
 * Turns the fast drag and wheel on for pictures of more than `above` elements (`above()` asked at each press).
 * Returns its figures for the tests and the benchmark: `{ drags, zooms, redraws, lastRedrawMs }`.
 *
 * One rule keeps the picture right whatever comes in between: the canvases show the viewport
 * they were last drawn at (`shown`, taken at each of Cytoscape's renders), the person wants
 * another (`wanted`), and the CSS transform maps the one onto the other. A gesture changes
 * `wanted` only; when it ends, Cytoscape is given `wanted` and draws it, and the transform
 * falls away in the same frame. A viewport set meanwhile by anything else (Fit, a new answer)
 * ends the gesture: what was set is wanted.
 */
export function fastPanning(cy, above) {
  const container = cy.container();
  const layer = container.firstElementChild;
  layer.style.transformOrigin = '0 0';
  const figures = { drags: 0, zooms: 0, redraws: 0, lastRedrawMs: null };
  const viewportOf = () => ({ zoom: cy.zoom(), pan: { ...cy.pan() } });
  let shown = viewportOf();
  let wanted = null;  // while a gesture or its drawing is on its way
  let drag = null;
  let wheelTimer = null;
  let giving = false; // this module is setting Cytoscape's viewport
  let asked = null;   // when the last redraw was asked for

  const show = () => {
    if (!wanted) {
      layer.style.transform = '';
      return;
    }
    const s = wanted.zoom / shown.zoom;
    const tx = wanted.pan.x - s * shown.pan.x;
    const ty = wanted.pan.y - s * shown.pan.y;
    const moved = tx === 0 && ty === 0 ? '' : `translate(${tx}px, ${ty}px)`;
    layer.style.transform = s === 1 ? moved : `${moved} scale(${s})`.trim();
  };

  cy.on('render', () => {
    shown = viewportOf();
    if (asked !== null) {
      figures.lastRedrawMs = Math.round(performance.now() - asked);
      asked = null;
    }
    if (wanted && !drag && wheelTimer === null && sameViewport(wanted, shown)) wanted = null;
    show();
  });
  cy.on('viewport', () => {
    if (giving || !wanted) return;
    // Set by something else: that is what is wanted now, and any gesture on its way ends.
    drag = null;
    clearTimeout(wheelTimer);
    wheelTimer = null;
    wanted = viewportOf();
    show();
  });

  /** Gives Cytoscape the wanted viewport, which it draws on its next frame (nothing when it already has it). */
  const give = () => {
    if (sameViewport(wanted, viewportOf())) {
      if (sameViewport(wanted, shown)) wanted = null; // nothing to draw again (a zoom held at its bound)
      show();
      return;
    }
    figures.redraws++;
    asked = performance.now();
    giving = true;
    try {
      cy.viewport(wanted);
    } finally {
      giving = false;
    }
  };

  const endZoom = () => {
    clearTimeout(wheelTimer);
    wheelTimer = null;
    figures.zooms++;
    give();
  };

  // The wheel zooms the picture as drawn too, about the mouse, and it is drawn again once the wheel stops.
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
    if (!wanted) wanted = viewportOf();
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), wanted.zoom * Math.pow(2, -delta / WHEEL_PIXELS_PER_DOUBLING)));
    const k = zoom / wanted.zoom;
    // The point under the mouse stays under it.
    wanted = { zoom, pan: { x: px - k * (px - wanted.pan.x), y: py - k * (py - wanted.pan.y) } };
    show();
    clearTimeout(wheelTimer);
    wheelTimer = setTimeout(endZoom, WHEEL_END_MS);
  }, { capture: true, passive: false });

  container.addEventListener('pointerdown', e => {
    if (wheelTimer !== null) endZoom(); // a press ends the wheel's zoom
    // The mouse's (a finger or a pen is Cytoscape's: its touch events are not held back by this).
    if (e.pointerType !== 'mouse' || e.button !== 0 || !e.isPrimary || !cy.userPanningEnabled()
        || cy.elements().length <= above()) return;
    const box = container.getBoundingClientRect();
    if (nodeAt(cy, e.clientX - box.left, e.clientY - box.top)) return; // a node: Cytoscape's own (select, drag, double click)
    // Cancelling the press keeps the mouse events that follow it from Cytoscape; it would have
    // taken the focus from a field (typing then goes to the page, not to the search box).
    e.preventDefault();
    e.stopPropagation();
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    if (!wanted) wanted = viewportOf();
    drag = { id: e.pointerId, x0: e.clientX, y0: e.clientY, from: { ...wanted.pan }, moved: false };
    container.setPointerCapture(e.pointerId);
  }, true);

  container.addEventListener('pointermove', e => {
    if (!drag || e.pointerId !== drag.id) return;
    e.stopPropagation();
    const dx = e.clientX - drag.x0;
    const dy = e.clientY - drag.y0;
    if (!drag.moved && Math.hypot(dx, dy) <= TAP_SLOP) return;
    drag.moved = true;
    wanted = { zoom: wanted.zoom, pan: { x: drag.from.x + dx, y: drag.from.y + dy } };
    show();
  }, true);

  // Moving the mouse over the picture without a button: Cytoscape looks for the element
  // under it at each move (for hover), a third of a second at 40,000 lines; nothing here
  // uses hover, so a large picture does not look.
  container.addEventListener('mousemove', e => {
    if (e.buttons === 0 && cy.elements().length > above()) e.stopPropagation();
  }, true);

  const end = e => {
    if (!drag || e.pointerId !== drag.id) return;
    e.stopPropagation();
    const done = drag;
    drag = null;
    if (container.hasPointerCapture(e.pointerId)) container.releasePointerCapture(e.pointerId);
    if (done.moved) {
      figures.drags++;
      give();
      return;
    }
    give(); // nothing moved: only what an earlier gesture still wants
    if (e.type !== 'pointerup') return;
    // A tap: on the line under it, else on the background (what Cytoscape would have said).
    const r = cy.renderer();
    const at = r.projectIntoViewport(e.clientX, e.clientY);
    const hit = r.findNearestElement(at[0], at[1], true, false);
    (hit || cy).emit('tap');
  };
  container.addEventListener('pointerup', end, true);
  container.addEventListener('pointercancel', end, true);
  // The button released where the page could not see it (another window took the mouse): the drag ends there.
  container.addEventListener('lostpointercapture', end, true);
  return figures;
}

function sameViewport(a, b) {
  return a.zoom === b.zoom && a.pan.x === b.pan.x && a.pan.y === b.pan.y;
}
