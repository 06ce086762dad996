/* DOM helpers for every panel: elements built without parsing HTML (tickets hold what people wrote,
   so every text goes through textContent), status lines and screen-reader announcements. */

export function $(id) {
  return document.getElementById(id);
}

/** An element with text and attributes; children appended in order. Never parses HTML. */
export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (name === 'hidden') node.hidden = true;
    else node.setAttribute(name, value === true ? '' : String(value));
  });
  (children || []).forEach((child) => {
    if (child === null || child === undefined) return;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A DSFR button: primary by default, `secondary` or `tertiary` as asked. */
export function button(text, onClick, kind) {
  const className = kind === 'primary' || kind === undefined ? 'fr-btn fr-btn--sm' : `fr-btn fr-btn--sm fr-btn--${kind}`;
  const b = el('button', { type: 'button', className, text });
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Writes a message into a live region (role="status" or role="alert") as a DSFR alert; an empty text
 * empties the region. The region itself stays in the page so that screen readers hear each change.
 */
export function message(region, text, kind) {
  clear(region);
  if (!text) return;
  region.appendChild(el('div', { className: `fr-alert fr-alert--${kind || 'info'} fr-alert--sm` }, [el('p', { text })]));
}

export function errorIn(regionOrId, text) {
  message(typeof regionOrId === 'string' ? $(regionOrId) : regionOrId, text, 'error');
}

/** The status line under the header: what just happened. */
export function say(text) {
  message($('status'), text, 'info');
}

/**
 * Read by screen readers without moving the focus (WCAG 4.1.3): `assertive` interrupts (a transferred
 * call, a priority contact), `polite` waits for a pause. Emptied first so the same sentence twice is heard twice.
 */
export function announce(text, options) {
  const region = $(options && options.polite ? 'announcer-polite' : 'announcer');
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}
