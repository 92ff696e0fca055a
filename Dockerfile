# Mitplan as a container (README, „Container“): build stage with all dependencies, run stage with
# production dependencies and the built app only, as an unprivileged user, with a health check.
# NODE_IMAGE: any Debian-based Node 20 image (default: the official slim image).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS run
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
# The file store lives in /data (a volume); unused when REDIS_URL is set.
RUN ["node", "-e", "const fs=require('fs');fs.mkdirSync('/data',{recursive:true});fs.chownSync('/data',1000,1000)"]
USER 1000:1000
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `node build` starts the production server (build/index.js); it never compiles anything.
CMD ["node", "build"]
