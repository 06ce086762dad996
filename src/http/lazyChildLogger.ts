/**
 * A logger whose children are made on first use. The webhooks make a child logger per request
 * (`logger.child({ webhook, callSid })`) for the few lines they log, mostly at disabled levels; pino
 * builds a child eagerly (bindings serialised through the redaction), ~13 µs each. Here a child is
 * only built when it logs at an enabled level or is used otherwise; calls at a disabled level are
 * the no-ops pino's own would be.
 */
import type { Logger } from '../logging';

const LEVEL_METHODS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);
const noop = () => {};

type ChildArgs = Parameters<Logger['child']>;

function lazyChild(parent: Logger, bindings: ChildArgs[0], options: ChildArgs[1]): Logger {
  let child: ReturnType<Logger['child']> | undefined;
  const real = () => (child ??= parent.child(bindings, options));
  return new Proxy(Object.create(null) as Logger, {
    get(_target, property) {
      if (
        child === undefined &&
        options?.level === undefined &&
        typeof property === 'string' &&
        LEVEL_METHODS.has(property) &&
        !parent.isLevelEnabled(property)
      ) {
        return noop;
      }
      const logger = real();
      const value: unknown = Reflect.get(logger, property, logger);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
    set(_target, property, value) {
      return Reflect.set(real(), property, value);
    },
    has(_target, property) {
      return Reflect.has(real(), property);
    },
  });
}

/** `logger` itself, except that `child()` returns a child made on first use. */
export function withLazyChildren(logger: Logger): Logger {
  return Object.create(logger, {
    child: { value: (bindings: ChildArgs[0], options?: ChildArgs[1]) => lazyChild(logger, bindings, options) },
  }) as Logger;
}
