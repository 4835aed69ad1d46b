// The time slider: the days on which the filter's network changes (a pairing begins, or
// the day after one ends), one step each, and a last step for every pairing whatever its
// dates. A step sets the filter's `activeOn`; the pairings that started and ended since
// the step before (networkDiff) are highlighted. Play/pause walks the steps; the slider
// itself answers the arrow keys, Home and End, and Space on it plays or pauses.

import * as api from './api.js';
import { pairingFilter } from './view.js';
import { h, kindLabel } from './dom.js';

const STEP_MS = 1500; // a step of play, once the network of the step before is drawn
const MOST_STEPS = 240;

export function timeSlider({ slider, play, note, changes, view, track, showError, nameOf, setDay, marked, busy }) {
  let days = [];        // the steps' days, in order
  let daysKey = null;   // the filter (without activeOn) they are the days of
  let timer = null;
  let debounce = null;
  let diff = null;      // { day, started: Set of edge ids, ended: Set of school ids, answer }
  let diffFor = null;

  const baseFilter = () => pairingFilter({ ...view(), activeOn: '' });

  async function refresh() {
    const key = JSON.stringify(baseFilter());
    if (key !== daysKey) {
      daysKey = key;
      try {
        let all = await api.changeDays(baseFilter());
        if (all.length > MOST_STEPS) {
          // Too many to step through: the first day of each month in which something changed.
          all = [...new Set(all.map(d => d.slice(0, 7) + '-01'))];
        }
        if (key !== daysKey) return;
        days = all;
      } catch (e) {
        if (key !== daysKey) return;
        days = [];
        showError('Loading the dates of the pairings', e);
      }
    }
    sync();
    await loadDiff();
  }

  /** The step of a day: the last step on or before it; the last position (every pairing) without a day. */
  function stepOf(day) {
    if (!day) return days.length;
    let step = 0;
    days.forEach((d, i) => { if (d <= day) step = i; });
    return step;
  }

  function sync() {
    slider.max = String(days.length);
    slider.disabled = days.length === 0;
    play.disabled = days.length === 0;
    const step = stepOf(view().activeOn);
    slider.value = String(step);
    const text = step >= days.length ? 'every pairing, whatever its dates' : days[step];
    slider.setAttribute('aria-valuetext', text);
    note.textContent = days.length === 0
      ? 'No pairing of this filter has dates.'
      : view().activeOn
        ? `Active on ${view().activeOn} (step ${step + 1} of ${days.length}, ${days[0]} to ${days[days.length - 1]}).`
        : `Every pairing, whatever its dates. Move the slider (or press Play) to step through ${days.length} days from ${days[0]} to ${days[days.length - 1]}.`;
  }

  /** The pairings started and ended between the step before the view's day and that day. */
  async function loadDiff() {
    const day = view().activeOn;
    const step = stepOf(day);
    const key = JSON.stringify([day, baseFilter()]);
    if (key === diffFor) return;
    diffFor = key;
    if (!day || step === 0 || days.length === 0) {
      diff = null;
      changes.replaceChildren();
      marked();
      return;
    }
    const from = days[step - 1] < day ? days[step - 1] : null;
    if (!from) {
      diff = null;
      changes.replaceChildren();
      marked();
      return;
    }
    try {
      const answer = await track(api.diff(from, day, baseFilter()));
      if (key !== diffFor) return;
      diff = {
        from, day,
        started: new Set(answer.started.map(p => 'e:' + p.id)),
        ended: new Set(answer.ended.flatMap(p => [p.mentor.id, p.mentee.id])),
        answer,
      };
      const item = p => h('li', {}, `${p.mentor.name} → ${p.mentee.name}`, h('span', { class: 'muted' },
        ` · ${kindLabel(p.kind)} · ${p.startDate || '…'} – ${p.endDate || 'open'}`));
      const list = (title, pairings) => (pairings.length ? [h('h3', {}, `${title} (${pairings.length})`),
        h('ul', { class: 'time-list' }, pairings.slice(0, 30).map(item),
          pairings.length > 30 ? h('li', { class: 'muted' }, `and ${pairings.length - 30} more`) : null)] : []);
      changes.replaceChildren(h('p', { class: 'hint' }, `Since ${from}:`),
        ...list('Started, drawn in green', answer.started), ...list('Ended, their schools ringed in purple', answer.ended),
        answer.started.length + answer.ended.length === 0 ? h('p', { class: 'muted' }, 'No pairing started or ended.') : null);
      marked();
    } catch (e) {
      if (key !== diffFor) return;
      diff = null;
      showError('Loading what changed', e);
    }
  }

  function go(step) {
    const day = step >= days.length ? '' : days[step];
    if (day === view().activeOn) return;
    setDay(day);
    sync();
    loadDiff();
  }

  function stop() {
    clearTimeout(timer);
    timer = null;
    play.setAttribute('aria-pressed', 'false');
    play.textContent = '▶ Play';
    play.setAttribute('aria-label', 'Play the time slider');
  }

  function tick() {
    if (busy()) {
      timer = setTimeout(tick, 200);
      return;
    }
    const next = Number(slider.value) + 1;
    if (next >= days.length) {
      stop();
      return;
    }
    go(next);
    timer = setTimeout(tick, STEP_MS);
  }

  function toggle() {
    if (timer) {
      stop();
      return;
    }
    if (days.length === 0) return;
    play.setAttribute('aria-pressed', 'true');
    play.textContent = '⏸ Pause';
    play.setAttribute('aria-label', 'Pause the time slider');
    if (Number(slider.value) >= days.length - 1) go(0);
    timer = setTimeout(tick, STEP_MS);
  }

  slider.addEventListener('input', () => {
    slider.setAttribute('aria-valuetext', Number(slider.value) >= days.length ? 'every pairing' : days[Number(slider.value)]);
    clearTimeout(debounce);
    debounce = setTimeout(() => go(Number(slider.value)), 250);
  });
  slider.addEventListener('keydown', e => {
    if (e.key === ' ') {
      e.preventDefault();
      toggle();
    }
  });
  play.addEventListener('click', toggle);

  return {
    refresh,
    sync,
    get days() { return days; },
    get playing() { return timer !== null; },
    /** Puts the step's classes on the elements drawn. */
    mark(cy) {
      cy.elements('.started, .ended').removeClass('started ended');
      if (!diff || diff.day !== view().activeOn) return;
      cy.edges().filter(e => diff.started.has(e.id())).addClass('started');
      cy.nodes().filter(n => diff.ended.has(n.id())).addClass('ended');
    },
    stop,
  };
}
