// Loaded with --import into the bundled TUI by first-frame.test.ts: appends to the file named by
// ECTOSMITH_TRACE_FILE, in order, every ES module resolved (a loader hook), every CommonJS module
// required, and FIRST-FRAME when the top bar is first written to the terminal.
import {appendFileSync} from 'node:fs';
import Module, {register} from 'node:module';

const file = process.env.ECTOSMITH_TRACE_FILE;
const hook = `import {appendFileSync} from 'node:fs';
export async function resolve(specifier, context, next) {
	const resolved = await next(specifier, context);
	appendFileSync(${JSON.stringify(file)}, 'esm ' + resolved.url + '\\n');
	return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const load = Module._load;
Module._load = function (request, ...rest) {
	appendFileSync(file, `cjs ${request}\n`);
	return load.call(this, request, ...rest);
};

const write = process.stdout.write.bind(process.stdout);
let painted = false;
process.stdout.write = (chunk, ...rest) => {
	if (
		!painted &&
		String(chunk)
			.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '')
			.includes('2 History')
	) {
		painted = true;
		appendFileSync(file, 'FIRST-FRAME\n');
	}

	return write(chunk, ...rest);
};
