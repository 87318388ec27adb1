#!/bin/sh
# Fetch YASGUI from npm and vendor its built files into kg/server/static/yasgui, so the endpoint's page
# works offline. Run by hand when upgrading (needs npm and the registry); never at run time.
set -eu
VERSION=${1:-4.6.2}
INTEGRITY='sha512-Zw45KdPoAE1KRaAoxIHdQqeJxvaVG1oQdntw0hy0ktX35Zu8ZccuOLrXCLwR+GU+0xMzLw8Mjw6BkSZV2vUuQw=='
OUT=$(cd "$(dirname "$0")/.." && pwd)/kg/server/static/yasgui
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "@zazuko/yasgui@$VERSION" >/dev/null
TGZ=$(ls zazuko-yasgui-*.tgz)
GOT="sha512-$(openssl dgst -sha512 -binary "$TGZ" | base64 -w0)"
if [ "$VERSION" = 4.6.2 ] && [ "$GOT" != "$INTEGRITY" ]; then
    echo "vendor_yasgui: $TGZ does not match the integrity recorded for 4.6.2" >&2
    exit 1
fi
tar xzf "$TGZ"
# the source map is left out (3.6 MB), and so is the comment that would ask for it
sed '/^\/\/# sourceMappingURL=/d' package/build/yasgui.min.js > "$OUT/yasgui.min.js"
cp package/build/yasgui.min.css "$OUT/yasgui.min.css"
echo "vendored @zazuko/yasgui $VERSION into $OUT"
