import { describe, expect, it } from 'vitest';
import type { ProductItem } from '../../../functions/products/entities';
import { villageTitle, whatsappOrderUrl } from '../../../functions/products/views';
import { villageKind } from '../../../functions/villages/onboard-data';

const product = (villageCode: string, villageName: string) =>
  ({
    name: 'Kopi Lanang',
    price: 50000,
    unit: 'bungkus',
    sellerName: 'Kopi Bu Ani',
    sellerWhatsapp: '+6281234567890',
    villageCode,
    villageName,
    villageSlug: 'x',
    slug: 'kopi-lanang',
  }) as ProductItem;

const message = (url: string) => decodeURIComponent(new URL(url).searchParams.get('text') ?? '');

describe('the WhatsApp order message names the village by its kind', () => {
  it('a kelurahan is "Kelurahan …", a desa "Desa …"', () => {
    expect(message(whatsappOrderUrl(product('35.10.06.1001', 'Kepatihan'), 'https://s.example'))).toContain(
      'dari Kelurahan Kepatihan.',
    );
    expect(message(whatsappOrderUrl(product('35.10.24.2008', 'Tamansari'), 'https://s.example'))).toContain(
      'dari Desa Tamansari.',
    );
  });

  it('agrees with the onboarding rule', () => {
    for (const code of ['35.10.06.1001', '35.10.24.2008', '91.01.01.3001'])
      expect(villageTitle(code).toLowerCase()).toBe(villageKind(code));
  });
});

describe('the WhatsApp order link never throws on stored text', () => {
  it('a lone surrogate stored before the Unicode rule is sent as U+FFFD', () => {
    const url = whatsappOrderUrl(
      { ...product('35.10.24.2008', 'Tamansari'), name: 'Gula Aren \ud800 Asli', unit: 'kg\udc00' },
      'https://s.example',
    );
    expect(message(url)).toContain('"Gula Aren \ufffd Asli"');
    expect(message(url)).toContain('/kg\ufffd)');
  });
});
