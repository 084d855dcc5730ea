import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  l as Fragment,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
  T as unescapeHTML,
} from './server_BtgCCazu.mjs';
import {
  v as cost,
  H as createComponent,
  b as duration,
  R as t,
  h as villagePath,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/components/ServiceForm.astro
createAstro('https://astro.build');
var $$ServiceForm = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$ServiceForm;
    const { service, villageCode, apiUrl, lang } = Astro.props;
    const s = t(lang);
    const action = `${apiUrl.replace(/\/+$/, '')}/villages/${encodeURIComponent(villageCode)}/requests`;
    const fields = [...service.fields].sort((a, b) => a.order - b.order);
    const docs = service.requirements.filter((r) => r.kind === 'document');
    const docNames = docs.map((d) => (lang === 'en' ? d.name.en : d.name.id)).join(', ');
    const id = (code) => `f-${code}`;
    const label = (x) => (lang === 'en' ? x.en : x.id);
    return renderTemplate`${maybeRenderHead($$result)}<form method="post"${addAttribute(action, 'action')} enctype="application/x-www-form-urlencoded" accept-charset="utf-8"> <input type="hidden" name="serviceCode"${addAttribute(service.code, 'value')}> <input type="hidden" name="lang"${addAttribute(lang, 'value')}> <fieldset> <legend>${s['form.applicant']}</legend> <div class="field"> <label for="a-name">${s['form.name']} <span class="req">(${s['form.required']})</span></label> <input id="a-name" name="applicant.name" type="text" autocomplete="name" required minlength="2" maxlength="120"> </div> <div class="field"> <label for="a-nik">${s['form.nik']} <span class="req">(${s['form.required']})</span></label> <input id="a-nik" name="applicant.nik" type="text" inputmode="numeric" pattern="[0-9]{16}" minlength="16" maxlength="16" autocomplete="off" required aria-describedby="a-nik-hint"> <span class="hint" id="a-nik-hint">${s['form.nikHint']}</span> </div> <div class="field"> <label for="a-wa">${s['form.whatsapp']}</label> <input id="a-wa" name="applicant.whatsapp" type="tel" autocomplete="tel" maxlength="20" aria-describedby="a-wa-hint"> <span class="hint" id="a-wa-hint">${s['form.whatsappHint']}</span> </div> </fieldset> ${
      fields.length > 0 &&
      renderTemplate`<fieldset> <legend>${s['form.details']}</legend> ${fields.map((f) => {
        const name = `fields.${f.code}`;
        const req = f.required ? renderTemplate`<span class="req">(${s['form.required']})</span>` : null;
        if (f.datatype === 'multivaluelist')
          return renderTemplate`<fieldset class="field"> ${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate`${unescapeHTML('<!-- [html-validate-disable-block form-dup-name: one name per multi-value list, posted once per checked box] -->')}` })} <legend class="label"> ${label(f.label)} ${req} </legend> ${(f.values ?? []).map((o) => renderTemplate`<label class="check"> <input type="checkbox"${addAttribute(name, 'name')}${addAttribute(o.key, 'value')}> ${label(o.name)} </label>`)} </fieldset>`;
        return renderTemplate`<div class="field"> <label${addAttribute(id(f.code), 'for')}> ${label(f.label)} ${req} </label> ${f.datatype === 'text' ? renderTemplate`<textarea${addAttribute(id(f.code), 'id')}${addAttribute(name, 'name')} rows="4" maxlength="2000"${addAttribute(f.required, 'required')}></textarea>` : f.datatype === 'singlevaluelist' ? renderTemplate`<select${addAttribute(id(f.code), 'id')}${addAttribute(name, 'name')}${addAttribute(f.required, 'required')}> <option value="">${s['form.choose']}</option> ${(f.values ?? []).map((o) => renderTemplate`<option${addAttribute(o.key, 'value')}>${label(o.name)}</option>`)} </select>` : f.datatype === 'number' ? renderTemplate`<input${addAttribute(id(f.code), 'id')}${addAttribute(name, 'name')} type="number" step="any"${addAttribute(f.required, 'required')}>` : f.datatype === 'datetime' ? renderTemplate`<input${addAttribute(id(f.code), 'id')}${addAttribute(name, 'name')} type="date"${addAttribute(f.required, 'required')}>` : renderTemplate`<input${addAttribute(id(f.code), 'id')}${addAttribute(name, 'name')} type="text" maxlength="200"${addAttribute(f.required, 'required')}>`} </div>`;
      })} </fieldset>`
    } <p class="note">${docs.length ? s['form.documentsNote'](docNames) : s['form.noDocumentsNote']}</p> <p class="muted">${s['form.privacy']}</p> <button class="btn" type="submit">${s['form.submit']}</button> </form>`;
  },
  '/work/wt-d/site/src/components/ServiceForm.astro',
  void 0,
);
// site/src/pages/[village]/[...lang]/layanan/[service].astro
var _service__exports = /* @__PURE__ */ __exportAll({
  default: () => $$Service,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () =>
  villageRoutes((v) =>
    v.services.map((service) => ({
      params: { service: service.code },
      item: service,
    })),
  );
var $$Service = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Service;
    const { v, lang, item: service } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    const tr = (x) => (lang === 'en' ? x.en : x.id);
    const name = tr(service.name);
    const time = duration(lang, service.duration);
    const price = cost(lang, service.cost);
    const docs = service.requirements.filter((r) => r.kind === 'document');
    const fields = service.requirements.filter((r) => r.kind === 'field');
    const steps = lang === 'en' && service.procedure.en.length ? service.procedure.en : service.procedure.id;
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: name,
        description: s['meta.service'](name, s[`name.${v.village.kind}`](v.village.name), time, price),
        path: villagePath(slug, lang, 'layanan', service.code),
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'services',
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          {
            label: s['nav.services'],
            href: villagePath(slug, lang, 'layanan'),
          },
          { label: name },
        ],
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${name}</h1> <dl class="facts"> <dt>${s['service.duration']}</dt> <dd>${time}</dd> <dt>${s['service.cost']}</dt> <dd>${price}</dd> <dt>${s['service.product']}</dt> <dd>${tr(service.product)}</dd> <dt>${s['service.level']}</dt> <dd>${s[`service.signedBy.${service.level}`]}</dd> </dl> <p><a class="btn" href="#apply">${s['service.apply']}</a></p> <h2>${s['service.requirements']}</h2> ${docs.length > 0 && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <h3>${s['service.documents']}</h3> <ul> ${docs.map((r) => renderTemplate`<li> ${tr(r.name)} ${!r.required && renderTemplate`<span class="muted">${s['service.optional']}</span>`} </li>`)} </ul> ` })}`}${fields.length > 0 && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <h3>${s['service.fields']}</h3> <ul> ${fields.map((r) => renderTemplate`<li>${tr(r.name)}</li>`)} </ul> ` })}`}<h2>${s['service.procedure']}</h2> <ol${addAttribute(lang === 'en' && !service.procedure.en.length ? 'id' : void 0, 'lang')}> ${steps.map((step) => renderTemplate`<li>${step}</li>`)} </ol> <h2>${s['service.complaints']}</h2> <p>${tr(service.complaints)}</p> <h2 id="apply">${s['service.apply']}</h2> ${renderComponent(
            $$result,
            'ServiceForm',
            $$ServiceForm,
            {
              service: service,
              villageCode: v.village.code,
              apiUrl: v.apiUrl,
              lang: lang,
            },
          )} `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/layanan/[service].astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/layanan/[service].astro';
var $$url = '/[village]/[...lang]/layanan/[service]/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/layanan/[service]@_@astro
var page = () => _service__exports;

export { page };
