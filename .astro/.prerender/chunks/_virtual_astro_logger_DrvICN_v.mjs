import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';

// site/progress-logger.mjs
/**
 * Astro log handler used by site/build.ts (Astro 7 `logger: { entrypoint, config }`; it must be
 * JavaScript). It turns Astro's one-line-per-page messages ("├─ /tamansari-licin/index.html") into
 * progress callbacks, and prints only warnings and errors, so a 13 000-page build does not print
 * 13 000 lines.
 *
 * The callback is found through a process-wide registry keyed by `config.channel`, because the
 * logger config must be serialisable: buildSites() registers a channel before calling Astro's build().
 */
var REGISTRY = Symbol.for('smart-kampung.sites.progress');
var ANSI = /\u001b\[[0-9;]*m/g;
/** @param {{ channel?: string } | undefined} config */
function progressLogger(config) {
  /** @type {Map<string, { page: (path: string) => void; log: (level: string, message: string) => void }>} */
  globalThis[REGISTRY] ??= /* @__PURE__ */ new Map();
  const registry = globalThis[REGISTRY];
  return {
    /** @param {{ label: string | null; level: string; message: string }} event */
    write(event) {
      const listener = config?.channel ? registry.get(config.channel) : void 0;
      const message = event.message.replace(ANSI, '');
      const page = /├─\s+(\S+)/.exec(message);
      if (page?.[1]) {
        listener?.page(page[1]);
        return;
      }
      if (event.level === 'warn' || event.level === 'error') {
        if (listener) listener.log(event.level, `${event.label ? `[${event.label}] ` : ''}${message}`);
        else process.stderr.write(`${message}\n`);
      }
    },
  };
}
// \0virtual:astro:logger
var _virtual_astro_logger_exports = /* @__PURE__ */ __exportAll({
  default: () => _virtual_astro_logger_default,
  level: () => level,
});
var level = 'info';
var _virtual_astro_logger_default = progressLogger({ channel: 'b341cb60-4034-4d9e-a471-b3d1756423ea' });

export { _virtual_astro_logger_default as t, _virtual_astro_logger_exports as n, level as r };
