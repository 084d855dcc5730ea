// Deployed bundles only (infra/bundles.ts `alias`): ElectroDB validates each entity's model with
// jsonschema when it is constructed — at every cold start, for models that are static code — and
// uses the same validation to tell a model from a map of entities when a Service is built. The
// models are validated for real wherever the code runs unbundled (tests, npm start); in Lambda this
// stand-in keeps jsonschema out of the bundle (~10 ms of import) and answers structurally: an object
// shaped like a v1 entity model ({model: {entity, version, service}, attributes, indexes}) is valid,
// anything else (a beta model, a map of entities) is not. test/infra/bundles.test.ts imports real
// bundles built with it.
const isObject = (v) => typeof v === 'object' && v !== null;
const invalid = {
  errors: [{ property: 'instance', argument: 'model', message: 'is not a v1 entity model' }],
};
class Validator {
  addSchema() {}
  validate(instance, schema) {
    // only the v1 schema has a `model` property; the beta schema (top-level entity/service) never matches
    if (!isObject(schema?.properties?.model)) return invalid;
    const ok =
      isObject(instance) &&
      isObject(instance.model) &&
      typeof instance.model.entity === 'string' &&
      isObject(instance.attributes) &&
      isObject(instance.indexes);
    return ok ? { errors: [] } : invalid;
  }
}
Validator.prototype.customFormats = {};
module.exports = { Validator };
