/** The time, ticking once a second while a run goes on (the status bar's elapsed time). */
import {useEffect, useState} from 'react';

export function useRunClock(running: boolean): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		if (!running) return;
		const timer = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(timer);
	}, [running]);
	return now;
}
