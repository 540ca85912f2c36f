// Module resolve hook registered by m365-loader.mjs.
const stub = new URL('./applicationinsights-stub.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'applicationinsights') return { url: stub, shortCircuit: true };
  return next(specifier, context);
}
