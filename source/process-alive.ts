/**
 * Whether a process with this pid may still run on this host. Signal 0 checks without sending
 * anything; only ESRCH proves it gone (EPERM: it exists but belongs to another user).
 */
export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code !== 'ESRCH';
	}
}
