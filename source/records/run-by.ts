import {hostname, userInfo} from 'node:os';

/**
 * Who runs this process, as an execution records it: ECTOSMITH_USER when set (a team may prefer
 * its git or login names), else the operating system's user name.
 */
export function currentUserName(env: NodeJS.ProcessEnv = process.env): string {
	const chosen = env.ECTOSMITH_USER?.trim();
	if (chosen) return chosen.slice(0, 255);
	try {
		return userInfo().username.slice(0, 255);
	} catch {
		// No passwd entry for this uid (some containers).
		return (env.USER ?? env.LOGNAME ?? 'unknown').slice(0, 255);
	}
}

/** The host this process runs on, as an execution records it. */
export function currentHostName(): string {
	return hostname().slice(0, 255);
}
