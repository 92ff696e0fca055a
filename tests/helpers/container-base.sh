#!/bin/sh
# Makes a minimal local Node base image (name: $1) from this machine's node, npm, dash and their
# libraries, for building the Dockerfile where no registry image can be pulled (no network to
# Docker Hub): `docker build --build-arg NODE_IMAGE=$1 …`. Debian/Ubuntu x86_64 hosts only.
set -eu
name="$1"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cd "$stage"
mkdir -p usr/bin usr/lib bin lib64 etc/ssl/certs tmp home/node root
chmod 1777 tmp
chown 1000:1000 home/node
printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n' > etc/passwd
printf 'root:x:0:\nnode:x:1000:\n' > etc/group
node_bin="$(command -v node)"
cp -L "$node_bin" usr/bin/node
cp -L /usr/bin/env usr/bin/env
cp -L /bin/dash bin/dash
ln -s dash bin/sh
# node's own libraries plus those native npm modules (rolldown, esbuild) load at run time
extra=""
for so in librt.so.1 libresolv.so.2 libutil.so.1; do
	[ -e "/lib/x86_64-linux-gnu/$so" ] && extra="$extra /lib/x86_64-linux-gnu/$so"
done
for lib in $(ldd "$node_bin" /bin/dash /usr/bin/env | grep -o '/[^ ]*\.so[^ ]*' | sort -u) $extra; do
	mkdir -p ".$(dirname "$lib")"
	cp -L "$lib" ".$lib"
done
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
mkdir -p usr/lib/node_modules
cp -a "$npm_dir" usr/lib/node_modules/npm
ln -s ../lib/node_modules/npm/bin/npm-cli.js usr/bin/npm
cp -L /etc/ssl/certs/ca-certificates.crt etc/ssl/certs/
tar -cf - . | docker import --change "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt" - "$name" >/dev/null
echo "$name"
