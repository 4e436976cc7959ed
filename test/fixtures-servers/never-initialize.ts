/** A server that reads stdin but never answers initialize and ignores SIGTERM (forces SIGKILL). */
import fs from 'node:fs';

if (process.env.FIXTURE_PID_FILE) {
	fs.writeFileSync(process.env.FIXTURE_PID_FILE, String(process.pid));
}

process.on('SIGTERM', () => {
	process.stderr.write('ignoring SIGTERM\n');
});
process.stdin.on('data', () => {
	process.stderr.write('got a message, not answering\n');
});
process.stdin.on('end', () => {
	process.stderr.write('stdin closed, staying alive\n');
});
process.stderr.write('waiting forever\n');
setInterval(() => {}, 1000);
