import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as $$ProductCard } from './ProductCard_a_qzS2hy.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  l as Fragment,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import {
  v as cost,
  H as createComponent,
  y as date,
  b as duration,
  s as featuredProducts,
  c as newsByDate,
  C as number,
  T as phoneText,
  I as pick,
  D as placeholderCss,
  u as popularServices,
  R as t,
  k as time,
  h as villagePath,
  r as villageRoutes,
  _ as WEEKDAYS,
  j as zone,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/index.astro
var ____lang__exports = /* @__PURE__ */ __exportAll({
  default: () => $$Index,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () => villageRoutes();
var $$Index = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Index;
    const { v, lang } = Astro.props;
    const s = t(lang);
    const { village } = v;
    const p = village.profile;
    const name = s[`name.${village.kind}`](village.name);
    const about = pick(lang, p.about);
    const loc = p.location;
    const mapUrl = loc
      ? `https://www.openstreetmap.org/?mlat=${loc.lat}&mlon=${loc.lng}#map=16/${loc.lat}/${loc.lng}`
      : void 0;
    const products = featuredProducts(v);
    const services = popularServices(v);
    const news = newsByDate(v).slice(0, 3);
    const here = (...seg) => villagePath(village.slug, lang, ...seg);
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: `${name}, ${s.kecamatan(village.kecamatan.name)}`,
        description: s['meta.home'](name, s.kecamatan(village.kecamatan.name), v.regency.name),
        path: here(),
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'home',
        css: placeholderCss(products),
        structured: {
          '@context': 'https://schema.org',
          '@type': 'GovernmentOrganization',
          name,
          url: `${v.siteUrl.replace(/\/+$/, '')}${here()}`,
          address: {
            '@type': 'PostalAddress',
            streetAddress: p.contact.address,
            addressRegion: 'Jawa Timur',
            addressCountry: 'ID',
          },
          ...(p.contact.phone ? { telephone: p.contact.phone } : {}),
          ...(p.contact.email ? { email: p.contact.email } : {}),
        },
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${name}</h1> <p class="lead">${s['home.welcome'](name, s.kecamatan(village.kecamatan.name), v.regency.name)}</p> <p class="actions"> <a class="btn"${addAttribute(here('layanan'), 'href')}>${s['home.cta.apply']}</a> <a class="btn alt"${addAttribute(here('lacak'), 'href')}>${s['home.cta.track']}</a> </p> ${services.length > 0 && renderTemplate`<section aria-labelledby="popular"> <h2 id="popular">${s['home.popular']}</h2> <ul class="links"> ${services.map((x) => renderTemplate`<li> <a${addAttribute(here('layanan', x.code), 'href')}>${lang === 'en' ? x.name.en : x.name.id}</a> <p class="hint">${s['services.meta'](duration(lang, x.duration), cost(lang, x.cost))}</p> </li>`)} </ul> <a class="more"${addAttribute(here('layanan'), 'href')}>${s['home.allServices']} →</a> </section>`}${
            products.length > 0 &&
            renderTemplate`<section aria-labelledby="featured" class="section"> <h2 id="featured">${s['home.featured']}</h2> <ul class="cards"> ${products.map(
              (x) =>
                renderTemplate`${renderComponent($$result, 'ProductCard', $$ProductCard, {
                  product: x,
                  village: village.slug,
                  lang: lang,
                })}`,
            )} </ul> <a class="more"${addAttribute(here('produk'), 'href')}>${s['home.allProducts']} →</a> </section>`
          }<section aria-labelledby="about" class="section"> <h2 id="about">${s['home.about']}</h2> <p${addAttribute(about.lang, 'lang')}>${about.text}</p> <dl class="facts"> <dt>${s[`head.${village.kind}`]}</dt> <dd>${p.head.name}</dd> ${p.population !== void 0 && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <dt>${s['home.population']}</dt> <dd>${s['home.people'](number(lang, p.population))}</dd> ` })}`} ${p.areaKm2 !== void 0 && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <dt>${s['home.area']}</dt> <dd>${number(lang, p.areaKm2)} km²</dd> ` })}`} </dl> ${p.officials.length > 0 && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <h3>${s['home.officials']}</h3> <ul> ${p.officials.map((o) => renderTemplate`<li> ${o.name}, ${lang === 'en' ? o.position.en : o.position.id} </li>`)} </ul> ` })}`} </section> ${p.facilities.length > 0 && renderTemplate`<section aria-labelledby="facilities" class="section"> <h2 id="facilities">${s['home.facilities']}</h2> <ul> ${p.facilities.map((f) => renderTemplate`<li>${lang === 'en' ? f.name.en : f.name.id}</li>`)} </ul> </section>`}<div class="section cols"> <section aria-labelledby="hours"> <h2 id="hours">${s['home.hours']}</h2> <table> <caption class="sr">${s['home.hours']} (${zone(village.officeHours.timeZone)})</caption> <thead> <tr><th scope="col">${s['hours.day']}</th><th scope="col">${s['hours.time']} (${zone(village.officeHours.timeZone)})</th></tr> </thead> <tbody> ${WEEKDAYS.map(
            (d) => {
              const h = village.officeHours.days[d];
              return renderTemplate`<tr> <th scope="row">${s[`day.${d}`]}</th> <td>${h ? `${time(lang, h.open)}–${time(lang, h.close)}` : s['hours.closed']}</td> </tr>`;
            },
          )} </tbody> </table> </section> <section aria-labelledby="contact"> <h2 id="contact">${s['home.contact']}</h2> <dl class="facts"> <dt>${s['contact.address']}</dt> <dd>${p.contact.address}</dd> ${p.contact.phone && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <dt>${s['contact.phone']}</dt> <dd><a${addAttribute(`tel:${p.contact.phone.replace(/[^\d+]/g, '')}`, 'href')}>${phoneText(p.contact.phone)}</a></dd> ` })}`} ${p.contact.whatsapp && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <dt>${s['contact.whatsapp']}</dt> <dd><a${addAttribute(`https://wa.me/${p.contact.whatsapp.replace(/\D/g, '')}`, 'href')} rel="noopener">${p.contact.whatsapp}</a></dd> ` })}`} ${p.contact.email && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <dt>${s['contact.email']}</dt> <dd><a${addAttribute(`mailto:${p.contact.email}`, 'href')}>${p.contact.email}</a></dd> ` })}`} </dl> ${mapUrl && renderTemplate`<a class="more"${addAttribute(mapUrl, 'href')} rel="noopener">${s['contact.map']}</a>`} </section> </div> ${
            news.length > 0 &&
            renderTemplate`<section aria-labelledby="news" class="section"> <h2 id="news">${s['home.latestNews']}</h2> <ul class="links"> ${news.map(
              (n) => {
                const title = pick(lang, n.title);
                return renderTemplate`<li> <a${addAttribute(here('berita', n.slug), 'href')}${addAttribute(title.lang, 'lang')}>${title.text}</a> <p class="hint"><time${addAttribute(n.date.slice(0, 10), 'datetime')}>${date(lang, n.date)}</time></p> </li>`;
              },
            )} </ul> <a class="more"${addAttribute(here('berita'), 'href')}>${s['home.allNews']} →</a> </section>`
          }`,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/index.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/index.astro';
var $$url = '/[village]/[...lang]/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/index@_@astro
var page = () => ____lang__exports;

export { page };
