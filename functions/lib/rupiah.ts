/**
 * Rupiah as the village sites write it (site/src/lib/format.ts, Intl `id-ID`): `Rp 58.000`, with a
 * no-break space so the amount never wraps away from its currency. `plain: true` puts an ordinary
 * space instead, for text leaving the web (a WhatsApp message).
 */
export const rupiah = (n: number, opts: { plain?: boolean } = {}): string =>
  `Rp${opts.plain ? ' ' : '\u00a0'}${n.toLocaleString('id-ID')}`;
