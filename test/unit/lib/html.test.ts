import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { errorPage, renderPage } from '../../../functions/lib/html';
import { expectEscaped, shape } from '../../support/html';

const village = (v: string) => ({
  name: v,
  kind: 'desa' as const,
  kecamatanName: v,
  regencyName: v,
  slug: v,
});

describe('the error page', () => {
  it('renders hostile messages, codes, labels and village names escaped, and never throws', () => {
    for (const lang of ['id', 'en'] as const) {
      expectEscaped((v) =>
        errorPage(
          lang,
          { code: v, message: v, fields: [{ label: v, message: v }] },
          { slug: v, segments: ['layanan', v], village: village(v) },
        ),
      );
      expectEscaped((v) => errorPage(lang, { code: v, message: v }));
    }
  });

  it('writes void elements as HTML does, also with a `/>` in a value', () => {
    const html = renderPage(
      h(
        'html',
        { lang: 'id' },
        h(
          'body',
          null,
          h('input', { name: 'a', value: 'x/>"<br/>' }),
          h('br', null),
          h('p', null, 'a/&gt; b/>'),
        ),
      ),
    );
    expect(html).toBe(
      '<!doctype html><html lang="id"><body><input name="a" value="x/>&quot;&lt;br/>"><br><p>a/&amp;gt; b/></p></body></html>',
    );
    expect(shape(html)).toEqual([
      '!doctype html',
      'html lang',
      'body',
      'input name value',
      'br',
      'p',
      '/p',
      '/body',
      '/html',
    ]);
  });
});
