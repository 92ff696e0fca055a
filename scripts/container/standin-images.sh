#!/usr/bin/env bash
# Builds stand-ins for the two base images that compose.yaml and the Dockerfile name
# (node:20-bookworm-slim, redis:7-bookworm) from Debian's own packages, for machines that reach
# Debian's mirror but not Docker Hub. Prints nothing but progress; tags the images given as
# arguments. Needs root, debootstrap and a Node 20 installed on the host (copied into the image).
#   standin-images.sh <node-image-tag> <redis-image-tag>
set -euo pipefail
node_tag=$1
redis_tag=$2
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! docker image inspect "$node_tag" >/dev/null 2>&1; then
	echo "› Stand-in $node_tag: Debian bookworm (minbase) + Node $(node -v) of this machine …"
	debootstrap --variant=minbase --include=libstdc++6,ca-certificates bookworm "$work/node" "$mirror" >/dev/null
	node_bin=$(command -v node)
	npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
	mkdir -p "$work/node/usr/local/bin" "$work/node/usr/local/lib/node_modules"
	cp "$node_bin" "$work/node/usr/local/bin/node"
	cp -a "$npm_dir" "$work/node/usr/local/lib/node_modules/npm"
	ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/node/usr/local/bin/npm"
	ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/node/usr/local/bin/npx"
	# This machine's CA bundle, so `npm ci` in the build stage trusts a TLS-inspecting egress proxy.
	cp /etc/ssl/certs/ca-certificates.crt "$work/node/etc/ssl/certs/ca-certificates.crt"
	rm -rf "$work/node/var/cache/apt/archives"/*.deb "$work/node/var/lib/apt/lists"/*
	tar -C "$work/node" -c . | docker import \
		-c 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
		-c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
		-c 'CMD ["node"]' - "$node_tag" >/dev/null
fi

if ! docker image inspect "$redis_tag" >/dev/null 2>&1; then
	echo "› Stand-in $redis_tag: Debian bookworm (minbase) + redis-server …"
	debootstrap --variant=minbase --include=redis-server bookworm "$work/redis" "$mirror" >/dev/null
	mkdir -p "$work/redis/data" "$work/redis/usr/local/bin"
	# Like the official image: no protected mode (the container network is the boundary).
	printf '#!/bin/sh\nexec /usr/bin/redis-server "$@" --protected-mode no\n' >"$work/redis/usr/local/bin/redis-server"
	chmod 755 "$work/redis/usr/local/bin/redis-server"
	rm -rf "$work/redis/var/cache/apt/archives"/*.deb "$work/redis/var/lib/apt/lists"/*
	tar -C "$work/redis" -c . | docker import -c 'WORKDIR /data' -c 'EXPOSE 6379' \
		-c 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
		-c 'CMD ["redis-server"]' - "$redis_tag" >/dev/null
fi
