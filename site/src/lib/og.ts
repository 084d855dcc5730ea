/**
 * The share card: the JPEG every page names as its og:image (WhatsApp, which villagers share links
 * on, previews JPEG and PNG, not WebP). 1200×630, one per village folder (`/<slug>/og-<hash>.jpg`)
 * and one for the portal (`/og-<hash>.jpg`), drawn from shapes and colours only — no text, so no
 * font is needed; the preview's title and description carry the words. The colours follow
 * from the village code; the file name from the drawing, so a changed card gets a new URL (WhatsApp
 * caches previews by URL). Pages name the file (Page.astro), site/build.ts renders it with sharp.
 * Pure TypeScript (no astro: imports).
 */
import { createHash } from 'node:crypto';

export const OG_CARD = { width: 1200, height: 630, type: 'image/jpeg' } as const;

/** hues of the cards: greens and teals around the sites' theme colour (#0b5d3b) */
const HUES = [152, 140, 164, 128, 176, 116, 188, 158];
/** bump when the drawing changes: the file names change with it */
const DESIGN = 2;

const hash = (text: string) => createHash('sha256').update(text).digest();

/** What a card looks like, from its seed: the file name is a digest of this. */
export function cardDesign(seed: string) {
  // one of HUES.length drawings: a full build renders at most that many (each ~50 ms), then copies
  const index = (hash(seed)[0] ?? 0) % HUES.length;
  return { design: DESIGN, hue: HUES[index] as number, sunX: 760 + (index % 5) * 60 };
}

type Rgb = [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * The card's pixels (raw RGB, OG_CARD.width × OG_CARD.height): rice-terrace hills under a sun on the
 * seed's hue, a band of the theme colour at the bottom. Drawn here rather than as SVG: the photo
 * pipeline blocks sharp's SVG loader in the whole process (functions/products/photos.ts), and the
 * local publisher shares that process. Edges are anti-aliased by coverage.
 */
export function cardPixels(seed: string): Buffer {
  const { hue, sunX } = cardDesign(seed);
  const { width: w, height: h } = OG_CARD;
  const px = Buffer.alloc(w * h * 3);
  const skyTop = hsl(hue, 45, 88);
  const skyBottom = hsl(hue, 55, 72);
  const sun: Rgb = [246, 195, 67];
  const band: Rgb = [11, 93, 59];
  const hills: { y: number; amp: number; phase: number; colour: Rgb }[] = [
    { y: 330, amp: 36, phase: 0.6, colour: hsl(hue, 48, 52) },
    { y: 400, amp: 30, phase: 2.1, colour: hsl(hue, 58, 40) },
    { y: 470, amp: 24, phase: 3.7, colour: hsl(hue, 70, 30) },
    { y: 540, amp: 18, phase: 5.0, colour: hsl(hue, 80, 20) },
  ];
  const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
    a[2] + (b[2] - a[2]) * t,
  ];
  for (let x = 0; x < w; x++) {
    const tops = hills.map((hl) => hl.y + hl.amp * Math.sin(((x + 0.5) / w) * Math.PI * 2 + hl.phase));
    for (let y = 0; y < h; y++) {
      let c = mix(skyTop, skyBottom, y / h);
      const d = Math.hypot(x + 0.5 - sunX, y + 0.5 - 170) - 96;
      if (d < 1) c = mix(c, sun, Math.min(1, 1 - d));
      for (let i = 0; i < hills.length; i++) {
        const cover = y + 1 - (tops[i] as number);
        if (cover > 0) c = mix(c, (hills[i] as (typeof hills)[number]).colour, Math.min(1, cover));
      }
      if (y >= h - 40) c = band;
      const o = (y * w + x) * 3;
      px[o] = Math.round(c[0]);
      px[o + 1] = Math.round(c[1]);
      px[o + 2] = Math.round(c[2]);
    }
  }
  return px;
}

const files = new Map<string, string>();

/** `og-<hash>.jpg`: the card of `seed` (a village code, or `regency:<name>` for the portal). */
export function cardFile(seed: string): string {
  let file = files.get(seed);
  if (!file) {
    file = `og-${hash(JSON.stringify(cardDesign(seed)))
      .toString('hex')
      .slice(0, 12)}.jpg`;
    files.set(seed, file);
  }
  return file;
}

export const portalCardSeed = (regencyName: string) => `regency:${regencyName}`;

/** Share cards are files of the build, not pages: left out of the page counts. */
export const isCardFile = (name: string) => /^og-[0-9a-f]{12}\.jpg$/.test(name);
