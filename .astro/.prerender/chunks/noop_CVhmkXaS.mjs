import {
  t as baseService,
  r as isESMImportedImage,
  n as verifyOptions,
} from './_virtual_astro_get-image_CU-hW_x_.mjs';

// node_modules/astro/dist/assets/services/noop.js
var noop_default = {
  ...baseService,
  propertiesToHash: ['src'],
  async validateOptions(options) {
    if (isESMImportedImage(options.src) && options.src.format === 'svg') options.format = 'svg';
    else delete options.format;
    verifyOptions(options);
    return options;
  },
  async transform(inputBuffer, transformOptions) {
    return {
      data: inputBuffer,
      format: transformOptions.format,
    };
  },
};

export { noop_default as default };
