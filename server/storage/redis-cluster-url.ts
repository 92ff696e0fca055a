/**
 * The Redis Cluster form of REDIS_URL: `redis+cluster://[user:password@]host:port[,host:port…]`
 * (`rediss+cluster://` for TLS). The hosts are seed nodes; the client discovers the rest of the
 * cluster from them. Parsing only — connecting is redis-connection.ts's job.
 */

export interface ClusterTarget {
	/** Seed nodes as `redis://host:port` (or `rediss://`). */
	rootNodes: string[];
	username?: string;
	password?: string;
	tls: boolean;
}

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;

export function isClusterUrl(url: string): boolean {
	return CLUSTER_SCHEME.test(url);
}

/** Parses a cluster URL; throws an Error with a German message when it is malformed. */
export function parseClusterUrl(url: string): ClusterTarget {
	const scheme = CLUSTER_SCHEME.exec(url);
	if (!scheme)
		throw new Error('Die Adresse muss mit redis+cluster:// oder rediss+cluster:// beginnen.');
	const tls = scheme[1].toLowerCase() === 'rediss';
	let rest = url.slice(scheme[0].length).replace(/\/+$/, '');
	let username: string | undefined;
	let password: string | undefined;
	const at = rest.lastIndexOf('@');
	if (at >= 0) {
		const auth = rest.slice(0, at);
		rest = rest.slice(at + 1);
		const colon = auth.indexOf(':');
		const user = decodeURIComponent(colon >= 0 ? auth.slice(0, colon) : auth);
		password = colon >= 0 ? decodeURIComponent(auth.slice(colon + 1)) : undefined;
		username = user || undefined;
	}
	const hosts = rest.split(',').map((h) => h.trim());
	if (
		hosts.length === 0 ||
		hosts.some((h) => !/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]+):\d{1,5}$/.test(h))
	) {
		throw new Error('Die Cluster-Knoten müssen als host:port,host:port angegeben sein.');
	}
	for (const h of hosts) {
		const port = Number(h.slice(h.lastIndexOf(':') + 1));
		if (port < 1 || port > 65535) throw new Error(`Ungültiger Port in „${h}“.`);
	}
	return {
		rootNodes: hosts.map((h) => `${tls ? 'rediss' : 'redis'}://${h}`),
		username,
		password,
		tls
	};
}
