// Completes package-lock.json with entries for platform-specific optional packages that the
// package registry reachable here does not serve (e.g. rollup's android/darwin/win32 builds).
// `npm install` leaves them out of the lock when it cannot fetch their metadata, and `npm ci`
// then refuses the lock as "not in sync". The entries carry os/cpu/libc, so npm never tries to
// install them on a platform they are not for. Run after `npm install` changed the lock:
//   node scripts/lock-optional.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];
/** @type {Record<string, string>} */
const CPU = { 'arm-eabi': 'arm', arm: 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32' };
Object.assign(CPU, { loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' });

/**
 * '@rollup/rollup-linux-arm64-musl' → { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }
 * @param {string} name
 */
function platformOf(name) {
	const parts = (name.split('/').pop() ?? '').split('-').slice(1);
	const os = parts.shift() ?? '';
	if (!OS.includes(os)) return null;
	const rest = parts.join('-');
	const cpuKey = Object.keys(CPU)
		.sort((a, b) => b.length - a.length)
		.find((key) => rest === key || rest.startsWith(`${key}-`));
	if (!cpuKey) return null;
	const abi = rest.slice(cpuKey.length + 1);
	/** @type {{ os: string[]; cpu: string[]; libc?: string[] }} */
	const platform = { os: [os], cpu: [CPU[cpuKey]] };
	if (os === 'linux') platform.libc = [abi.includes('musl') ? 'musl' : 'glibc'];
	return platform;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
		const key = `${path ? `${path}/` : ''}node_modules/${name}`;
		const hoisted = `node_modules/${name}`;
		if (lock.packages[key] || lock.packages[hoisted]) continue;
		const platform = platformOf(name);
		if (!platform) continue;
		lock.packages[hoisted] = { version, optional: true, ...platform };
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : 1))
);
writeFileSync('package-lock.json', JSON.stringify(lock, null, '\t') + '\n');
console.log(`lock-optional: ${added} platform entries added`);
