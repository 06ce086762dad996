/* The console's command bus: a panel asks another for something (« refresh the lists », « show this
   ticket ») without importing it, so that the modules form no import circle: lower modules (the ticket
   forms, callbacks, danger, filters) send; the panel that owns the job answers. One handler per name. */
const handlers = new Map();

/** The panel that does `name` (registered once, when its module loads). */
export function answer(name, handler) {
  handlers.set(name, handler);
}

/** Asks for `name`; returns what the handler returns (a promise for the asynchronous ones). */
export function send(name, ...args) {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`No panel answers ${name}`);
  return handler(...args);
}
