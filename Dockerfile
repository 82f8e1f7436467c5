# syntax=docker/dockerfile:1
# Ledgerlens: the API serving the built SPA, one process. See docs/deployment.md.
#   docker build -t ledgerlens .
#   docker run -p 3000:3000 -e JWT_SECRET=$(openssl rand -hex 32) ledgerlens   # embedded PostgreSQL
# The cluster (PostgreSQL, Redis, two instances, nginx, Prometheus): docker compose --profile cluster up

# --- build: every dependency, then the API bundle and the SPA -------------------------------
FROM node:20-bookworm AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional binaries (README).
RUN npm install --no-audit --no-fund
COPY . .
# Recorded with the API's exceptions and, at build time, on the SPA's log entries.
ARG APP_RELEASE=
ENV APP_RELEASE=${APP_RELEASE}
RUN npx nx run-many -t build -p api web --outputStyle=static

# --- production dependencies only -------------------------------------------------------------
FROM node:20-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime: node, the production dependencies and dist/ -------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    LOG_PRETTY=false \
    EMBEDDED_PG_DIR=/app/.data/postgres \
    ARCHIVE_DIR=/app/.data/archive \
    EXPORT_DIR=/app/.data/exports
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=deps --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /src/dist/apps/api ./dist/apps/api
COPY --from=build --chown=root:root /src/dist/apps/web ./dist/apps/web
# The code stays root's (read-only to the app); only the data folder is the app's.
RUN mkdir -p /app/.data && chown node:node /app/.data
VOLUME ["/app/.data"]
USER node
EXPOSE 3000
# Liveness only (no dependency): the readiness probe is /api/v1/health/ready. No curl in slim.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node itself (exec form): it drains requests, writes its queues, then exits.
CMD ["node", "dist/apps/api/main.js"]
