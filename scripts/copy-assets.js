// tsc compiles TypeScript only; make the compiled bins executable so npm links work.
import {chmodSync, existsSync} from 'node:fs';

const bins = Object.values(JSON.parse(await import('node:fs').then(fs => fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).bin);
for (const bin of bins) {
	const file = new URL(`../${bin}`, import.meta.url);
	if (existsSync(file)) chmodSync(file, 0o755);
}
