import colors from 'piccolore';

// node_modules/astro/dist/core/logger/core.js
var dateTimeFormat = new Intl.DateTimeFormat([], {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
var levels = {
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  silent: 90,
};
function log(opts, level, label, message, newLine = true) {
  const logLevel = opts.level;
  const dest = opts.destination;
  const event = {
    label,
    level,
    message,
    newLine,
  };
  if (!isLogLevelEnabled(logLevel, level)) return;
  dest.write(event);
}
function isLogLevelEnabled(configuredLogLevel, level) {
  return levels[configuredLogLevel] <= levels[level];
}
function info(opts, label, message, newLine = true) {
  return log(opts, 'info', label, message, newLine);
}
function warn(opts, label, message, newLine = true) {
  return log(opts, 'warn', label, message, newLine);
}
function error(opts, label, message, newLine = true) {
  return log(opts, 'error', label, message, newLine);
}
function debug(...args) {
  if ('_astroGlobalDebug' in globalThis) globalThis._astroGlobalDebug(...args);
}
function getEventPrefix({ level, label }) {
  const timestamp = `${dateTimeFormat.format(/* @__PURE__ */ new Date())}`;
  const prefix = [];
  if (level === 'error' || level === 'warn') {
    prefix.push(colors.bold(timestamp));
    prefix.push(`[${level.toUpperCase()}]`);
  } else prefix.push(timestamp);
  if (label) prefix.push(`[${label}]`);
  if (level === 'error') return colors.red(prefix.join(' '));
  if (level === 'warn') return colors.yellow(prefix.join(' '));
  if (prefix.length === 1) return colors.dim(prefix[0]);
  return colors.dim(prefix[0]) + ' ' + colors.blue(prefix.splice(1).join(' '));
}
var AstroLogger = class {
  options;
  constructor(options) {
    this.options = options;
  }
  info(label, message, newLine = true) {
    info(this.options, label, message, newLine);
  }
  warn(label, message, newLine = true) {
    warn(this.options, label, message, newLine);
  }
  error(label, message, newLine = true) {
    error(this.options, label, message, newLine);
  }
  debug(label, ...messages) {
    debug(label, ...messages);
  }
  level() {
    return this.options.level;
  }
  forkIntegrationLogger(label) {
    return new AstroIntegrationLogger(this.options, label);
  }
  setDestination(destination) {
    this.options.destination = destination;
  }
  /**
   * It calls the `close` function of the provided destination, if it exists.
   */
  close() {
    if (this.options.destination.close) this.options.destination.close();
  }
  /**
   * It calls the `flush` function of the provided destination, if it exists.
   */
  flush() {
    if (this.options.destination.flush) this.options.destination.flush();
  }
};
var AstroIntegrationLogger = class AstroIntegrationLogger {
  options;
  label;
  constructor(logging, label) {
    this.options = logging;
    this.label = label;
  }
  /**
   * Creates a new logger instance with a new label, but the same log options.
   */
  fork(label) {
    return new AstroIntegrationLogger(this.options, label);
  }
  info(message) {
    info(this.options, this.label, message);
  }
  warn(message) {
    warn(this.options, this.label, message);
  }
  error(message) {
    error(this.options, this.label, message);
  }
  debug(message) {
    debug(this.label, message);
  }
  /**
   * It calls the `flush` function of the provided destination, if it exists.
   */
  flush() {
    if (this.options.destination.flush) this.options.destination.flush();
  }
  /**
   * It calls the `close` function of the provided destination, if it exists.
   */
  close() {
    if (this.options.destination.close) this.options.destination.close();
  }
};
function astroToRuntimeLogger(logger) {
  return {
    info(msg) {
      logger.info(null, msg);
    },
    warn(msg) {
      logger.warn(null, msg);
    },
    error(msg) {
      logger.error(null, msg);
    },
  };
}
// node_modules/astro/dist/core/logger/public.js
function matchesLevel(messageLevel, configuredLevel) {
  return levels[messageLevel] >= levels[configuredLevel];
}
// node_modules/astro/dist/core/logger/impls/console.js
function consoleLogDestination(config = {}) {
  const { level = 'info' } = config;
  return {
    write(event) {
      let dest = console.error;
      if (levels[event.level] < levels['error']) dest = console.info;
      if (!matchesLevel(event.level, level)) return;
      if (event.label === 'SKIP_FORMAT') dest(event.message);
      else dest(getEventPrefix(event) + ' ' + event.message);
    },
  };
}
function createConsoleLogger({ level }) {
  return new AstroLogger({
    level,
    destination: consoleLogDestination(),
  });
}

export { AstroIntegrationLogger as n, astroToRuntimeLogger as r, createConsoleLogger as t };
