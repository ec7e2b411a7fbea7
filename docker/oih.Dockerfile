# Image for the Open Integration Hub (ferryman). Build from the repository root:
#   docker build -f docker/oih.Dockerfile -t intercom-component-oih .
# (BuildKit reads docker/oih.Dockerfile.dockerignore beside it.) Not at the root on purpose: elastic.io's build
# uses a root Dockerfile as the component's image, and this one starts ferryman, not the sailor.
# OIH's stock Dockerfile runs `npm ci --production`, which cannot build TypeScript; this one builds in a first
# stage and ships the pruned result.
FROM node:20-alpine AS build
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-alpine
ENV NODE_ENV=production
WORKDIR /usr/src/app
COPY --from=build /usr/src/app ./
USER node
# node directly, not npm: npm runs the script through sh, which does not pass SIGTERM on, so a stopping
# container would be killed with messages in flight.
ENTRYPOINT ["node", "./node_modules/@openintegrationhub/ferryman/runGlobal.js"]
