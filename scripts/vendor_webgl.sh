#!/bin/sh
# Fetch sigma.js and graphology from npm and vendor their browser builds into kg/views/static/webgl, for the
# WebGL page of large graphs (inlined into it, so it opens offline). Run by hand when upgrading (needs npm and
# the registry); never at run time.
set -eu
OUT=$(cd "$(dirname "$0")/.." && pwd)/kg/views/static/webgl
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
fetch() {  # package version integrity file-in-dist licence-name
    npm pack --silent "$1@$2" >/dev/null
    tgz=$(ls ./*.tgz)
    got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
    if [ "$got" != "$3" ]; then
        echo "vendor_webgl: $1 $2 does not match the integrity recorded" >&2
        exit 1
    fi
    rm -rf package && tar xzf "$tgz" && rm "$tgz"
    sed '/^\/\/# sourceMappingURL=/d' "package/dist/$4" > "$OUT/$4"
    cp package/LICENSE.txt "$OUT/$5"
}
fetch sigma 3.0.3 'sha512-5H0zFlx6/NTQpqBg4Rm569ZOpnBOXMaS25UQThIWMU3XyzI5AhmorK/gnl87BvJBLhQd0tW4C0LIp3enWzMoNw==' sigma.min.js LICENSE-sigma.txt
fetch graphology 0.25.4 'sha512-33g0Ol9nkWdD6ulw687viS8YJQBxqG5LWII6FI6nul0pq6iM2t5EKquOTFDbyTblRB3O9I+7KX4xI8u5ffekAQ==' graphology.umd.min.js LICENSE-graphology.txt
echo "vendored sigma 3.0.3 and graphology 0.25.4 into $OUT"
