// `node scripts/docs-images.mjs`, after `npm test -- ui`: copies the screenshots the README shows from
// test-results/screenshots into docs/images, in 256 colours. The README ships in the VSIX, and full-colour
// pictures of text are twice the size for no difference a reader can see.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import UPNG from 'upng-js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const names = [...new Set([...readme.matchAll(/\]\(docs\/images\/([\w-]+\.png)\)/g)].map((m) => m[1]))];
for (const name of names) {
  const shot = readFileSync(join(root, 'test-results', 'screenshots', name));
  const image = UPNG.decode(shot);
  const png = Buffer.from(UPNG.encode(UPNG.toRGBA8(image), image.width, image.height, 256));
  writeFileSync(join(root, 'docs', 'images', name), png);
  console.log(`docs/images/${name}: ${shot.length} → ${png.length} bytes`);
}
