#!/usr/bin/env bash
# `npm run test:container`: builds the image from the Dockerfile and runs it the way a town's IT
# would — alone with the file store, then with compose.yaml and Redis — and checks what the
# README promises: healthy by its own HEALTHCHECK, runs as uid 1000, no devDependencies inside,
# `/api/health` answers with the version, a plan survives a restart (file volume; Redis AOF
# volume), and reports the image size. Needs a running container engine (docker + docker-compose
# or `docker compose`); not part of `npm test`, because CI machines run no container daemon.
# Without Docker Hub, stand-in base images are built from Debian's packages (standin-images.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
	echo "✗ $*" >&2
	exit 1
}
ok() { echo "✓ $*"; }

if ! docker info >/dev/null 2>&1; then
	echo "Kein Container-Dienst erreichbar: 'docker info' schlägt fehl (dockerd starten?)." >&2
	exit 2
fi
if docker compose version >/dev/null 2>&1; then
	compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
	compose=(docker-compose)
else
	echo "Weder 'docker compose' noch 'docker-compose' ist installiert." >&2
	exit 2
fi

NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim}
REDIS_IMAGE=${REDIS_IMAGE:-redis:7-bookworm}
have_image() { docker image inspect "$1" >/dev/null 2>&1 || docker pull -q "$1" >/dev/null 2>&1; }
if ! have_image "$NODE_IMAGE" || ! have_image "$REDIS_IMAGE"; then
	echo "› Docker Hub nicht erreichbar: Ersatz-Basis-Images aus Debian-Paketen"
	NODE_IMAGE=mitplan-standin/node:20-bookworm-slim
	REDIS_IMAGE=mitplan-standin/redis:7-bookworm
	bash scripts/container/standin-images.sh "$NODE_IMAGE" "$REDIS_IMAGE"
fi
export NODE_IMAGE REDIS_IMAGE

tag=mitplan:container-test
name=mitplan-container-test
project=mitplantest
export MITPLAN_ADMIN_EMAIL=it@example.org
export MITPLAN_ADMIN_PASSWORD=container-test-passwort-1
cleanup() {
	docker rm -f "$name" >/dev/null 2>&1 || true
	"${compose[@]}" -p "$project" down -v >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Waits until the container's own HEALTHCHECK reports healthy (or fails after $2 seconds).
wait_healthy() {
	local id=$1 limit=$2 status=""
	for _ in $(seq "$limit"); do
		status=$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null || echo gone)
		[ "$status" = healthy ] && return 0
		[ "$status" = unhealthy ] || [ "$status" = gone ] && break
		sleep 1
	done
	docker logs --tail 30 "$id" >&2 || true
	fail "Container $id nicht gesund (Status: $status)"
}

# Logs in as the administrator, creates a plan titled $2 and prints its id.
create_plan() {
	node scripts/container/plan-check.mjs create "$1" "$2"
}
plan_listed() {
	node scripts/container/plan-check.mjs has "$1" "$2"
}

echo "› Image bauen (NODE_IMAGE=$NODE_IMAGE) …"
start=$(date +%s)
docker build -q --build-arg NODE_IMAGE="$NODE_IMAGE" -t "$tag" . >/dev/null
ok "gebaut in $(($(date +%s) - start)) s"
size=$(docker image inspect -f '{{.Size}}' "$tag")
ok "Image-Größe: $((size / 1000 / 1000)) MB"

# 1. Alone, file store in the /data volume.
port=$(free_port)
base="http://127.0.0.1:$port"
docker run -d --name "$name" -p "127.0.0.1:$port:3000" -e ORIGIN="$base" \
	-e MITPLAN_ADMIN_EMAIL -e MITPLAN_ADMIN_PASSWORD -e PASSWORD_HASH_COST=12 \
	--health-interval=2s --health-start-period=30s "$tag" >/dev/null
wait_healthy "$name" 90
ok "Dateispeicher: gesund laut HEALTHCHECK"
uid=$(docker exec "$name" id -u)
[ "$uid" = 1000 ] || fail "läuft als uid $uid, erwartet 1000"
ok "läuft als uid 1000"
docker exec "$name" test -d node_modules/jspdf || fail "Produktionsabhängigkeit jspdf fehlt"
if docker exec "$name" test -e node_modules/vite; then fail "devDependency vite im Image"; fi
if docker exec "$name" test -e src; then fail "Quelltext (src/) im Image"; fi
ok "nur Produktionsabhängigkeiten und der Build im Image"
health=$(curl -fsS "$base/api/health")
want=$(node -p "require('./package.json').version")
echo "$health" | grep -q "\"$want\"" || fail "/api/health nennt die Version $want nicht: $health"
ok "/api/health: $health"
plan=$(create_plan "$base" "Container-Plan Datei")
docker restart "$name" >/dev/null
wait_healthy "$name" 90
plan_listed "$base" "$plan" || fail "Plan nach Neustart verloren (Dateispeicher)"
ok "Plan überlebt den Neustart (Volume /data)"
docker rm -f "$name" >/dev/null

# 2. compose.yaml: Mitplan + Redis with AOF in a volume.
port=$(free_port)
base="http://127.0.0.1:$port"
override=$(mktemp --suffix=.yaml)
cat >"$override" <<YAML
services:
  mitplan:
    image: $tag
    environment:
      PASSWORD_HASH_COST: '12'
    healthcheck:
      interval: 2s
      start_period: 30s
YAML
export MITPLAN_PUBLISH="127.0.0.1:$port" ORIGIN="$base"
"${compose[@]}" -p "$project" -f compose.yaml -f "$override" up -d --no-build >/dev/null 2>&1 ||
	"${compose[@]}" -p "$project" -f compose.yaml -f "$override" up -d --no-build
cid=$("${compose[@]}" -p "$project" -f compose.yaml -f "$override" ps -q mitplan)
wait_healthy "$cid" 120
ok "compose: Mitplan gesund, Redis angebunden"
rid=$("${compose[@]}" -p "$project" -f compose.yaml -f "$override" ps -q redis)
[ "$(docker exec "$rid" redis-cli config get appendonly | tail -1)" = yes ] || fail "Redis ohne AOF"
ok "Redis schreibt AOF"
plan=$(create_plan "$base" "Container-Plan Redis")
docker exec "$rid" redis-cli --scan --pattern '*' | grep -q "$plan" || fail "Plan $plan nicht in Redis"
"${compose[@]}" -p "$project" -f compose.yaml -f "$override" down >/dev/null 2>&1
"${compose[@]}" -p "$project" -f compose.yaml -f "$override" up -d --no-build >/dev/null 2>&1
cid=$("${compose[@]}" -p "$project" -f compose.yaml -f "$override" ps -q mitplan)
wait_healthy "$cid" 120
plan_listed "$base" "$plan" || fail "Plan nach 'compose down/up' verloren (Redis-Volume)"
ok "Plan überlebt 'compose down' + 'up' (Redis-AOF im Volume)"
rm -f "$override"
echo "Container-Test bestanden."
