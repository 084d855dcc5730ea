/**
 * Astro log handler used by site/build.ts (Astro 7 `logger: { entrypoint, config }`; it must be
 * JavaScript). It turns Astro's one-line-per-page messages ("├─ /tamansari-licin/index.html") into
 * progress callbacks, and prints only warnings and errors, so a 13 000-page build does not print
 * 13 000 lines.
 *
 * The callback is found through a process-wide registry keyed by `config.channel`, because the
 * logger config must be serialisable: buildSites() registers a channel before calling Astro's build().
 */
const REGISTRY = Symbol.for('smart-kampung.sites.progress');
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

/** @param {{ channel?: string } | undefined} config */
export default function progressLogger(config) {
  /** @type {Map<string, { page: (path: string) => void; log: (level: string, message: string) => void }>} */
  globalThis[REGISTRY] ??= new Map();
  const registry = globalThis[REGISTRY];
  return {
    /** @param {{ label: string | null; level: string; message: string }} event */
    write(event) {
      const listener = config?.channel ? registry.get(config.channel) : undefined;
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
