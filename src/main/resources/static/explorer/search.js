// A school search box that works from the keyboard: type, ArrowDown/ArrowUp to move,
// Enter to pick (the first result when none is marked), Escape to close.

import * as api from './api.js';
import { h, typeLabel } from './dom.js';

let instances = 0;

export function schoolSearch(input, { onPick, onError, placeholder }) {
  const id = `search-list-${++instances}`;
  const list = h('ul', { id, role: 'listbox', class: 'results', hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');
  if (placeholder) input.placeholder = placeholder;

  let results = [];
  let resultsFor = null;
  let active = -1;
  let timer = null;
  let sequence = 0;

  async function search() {
    clearTimeout(timer);
    timer = null;
    const text = input.value.trim();
    if (!text) {
      close();
      return;
    }
    const mine = ++sequence;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    list.replaceChildren(h('li', { class: 'muted' }, 'Searching…'));
    let found;
    try {
      found = await api.searchSchools(text);
    } catch (e) {
      if (mine === sequence) close();
      onError(e);
      return;
    }
    if (mine !== sequence) return; // an older answer arriving late
    results = found;
    resultsFor = text;
    active = -1;
    show();
  }

  function show() {
    if (!results.length) {
      list.replaceChildren(h('li', { class: 'muted' }, `No school matches “${resultsFor}”.`));
      return;
    }
    list.replaceChildren(...results.map((s, i) => h('li', {
      id: `${id}-${i}`, role: 'option', 'aria-selected': String(i === active), class: i === active ? 'active' : '',
      onmousedown: e => { e.preventDefault(); pick(i); },
    },
    h('span', { class: 'name' }, s.name),
    h('span', { class: 'muted' }, [s.region ? s.region.name : null, typeLabel(s.type),
      s.aliases.filter(a => a !== s.name).join('，') || null, s.synthetic ? 'synthetic' : null].filter(Boolean).join(' · ')))));
    input.setAttribute('aria-activedescendant', active >= 0 ? `${id}-${active}` : '');
  }

  function close() {
    sequence++;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function pick(i) {
    const school = results[i];
    close();
    if (school) onPick(school);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  input.addEventListener('keydown', async e => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden || resultsFor !== input.value.trim()) {
        await search();
        return;
      }
      if (!results.length) return;
      active = e.key === 'ArrowDown' ? (active + 1) % results.length : (active <= 0 ? results.length - 1 : active - 1);
      show();
      document.getElementById(`${id}-${active}`).scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (resultsFor !== input.value.trim() || timer) await search();
      if (results.length && resultsFor === input.value.trim()) pick(Math.max(active, 0));
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return { close };
}
