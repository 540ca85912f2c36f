// Writes docs/deploy.md's generated blocks and public/staticwebapp.config.json from the code (scripts/deploy-files.ts),
// loaded through Vite's module runner, which resolves the TypeScript imports of src/ as the build does.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(new URL('./deploy-files.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'silent',
});
const files = await module.deployFiles();
await writeFile(module.DEPLOY_GUIDE, files.guide);
await writeFile(module.STATIC_WEB_APP_CONFIG, files.staticWebAppConfig);
console.log(`Wrote ${module.DEPLOY_GUIDE} and ${module.STATIC_WEB_APP_CONFIG}`);
