/** The benchmark's server: the real sync server in its own process (no SvelteKit UI needed). */
import { loadConfig } from '../server/config';
import { startServer } from '../server/main';

const running = await startServer(loadConfig());
process.stdout.write(`READY ${running.port}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
process.on('message', async (message) => {
	if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
