// Regenerates test/golden/<name>/ from each example spec (npm run golden:update); the golden test compares against these.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateCase, GOLDEN_CASES, GOLDEN_DIR } from '../test/generate/golden-cases.js';

for (const name of Object.keys(GOLDEN_CASES)) {
  const dir = `${GOLDEN_DIR}${name}/`;
  await rm(dir, { recursive: true, force: true });
  const { files } = await generateCase(name);
  for (const file of files) {
    await mkdir(dirname(`${dir}${file.path}`), { recursive: true });
    await writeFile(`${dir}${file.path}`, file.contents);
  }
  console.log(`test/golden/${name}: ${files.length} files`);
}
