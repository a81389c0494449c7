# syntax=docker/dockerfile:1
# One image for every role: APP_ROLE=api or APP_ROLE=worker (see docker-compose.yml). Multi-stage: the build stage
# compiles the libraries, the backend and the console; the runtime stage has production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first so the dependency layer is cached across source changes.
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/meta-sandbox/package.json libs/meta-sandbox/
COPY backend/package.json backend/
COPY admin/package.json admin/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json angular.json nest-cli.json ./
COPY libs libs
COPY backend backend
COPY admin admin
RUN npm run build
# Keep only what runs in production (the runtime stage copies this node_modules).
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY package.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/meta-sandbox/package.json libs/meta-sandbox/
COPY backend/package.json backend/
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/meta-sandbox/dist libs/meta-sandbox/dist
COPY --from=build /app/backend/dist backend/dist
COPY --from=build /app/dist/admin/browser dist/admin/browser
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "backend/dist/main.js"]
