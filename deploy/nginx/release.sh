#!/bin/sh
# Publish a built site so that no reader ever gets a half-copied one.
#
#     release.sh SITE BASE      e.g. release.sh /srv/staff-training/incoming /srv/staff-training
#
# 1. Copies SITE to BASE/releases/<time>/ (named .partial until complete).
# 2. Adds the fingerprinted theme files (bundle.<hash>.min.js...) of the
#    release it replaces, for one release: pages already open in browsers
#    still ask for them. They are listed in the release's .carried file.
# 3. Points BASE/current (nginx's root) at it in one rename(2): `ln -sfn` to
#    a temporary name, then `mv -T` over `current`. Every request is answered
#    wholly from the old release or wholly from the new one, and pages deleted
#    from the site are gone from then on.
# 4. Removes all but the newest $KEEP releases (3), never the current one.
#
# Roll back by pointing `current` at an older release the same way:
#     ln -sfn releases/<time> BASE/current.new && mv -T BASE/current.new BASE/current
set -eu

site=${1:?"usage: release.sh SITE BASE (see the comment at the top)"}
base=${2:?"usage: release.sh SITE BASE (see the comment at the top)"}
keep=${KEEP:-3}
if [ ! -f "$site/index.html" ]; then
    echo "release.sh: $site/index.html is missing: give the folder \`make build\` wrote (site/)." >&2
    exit 2
fi
mkdir -p "$base/releases"
# One release at a time.
exec 9>"$base/.release.lock"
flock 9
rm -rf "$base/releases/"*.partial  # Left by a release that failed half-way.

id=$(date -u +%Y%m%dT%H%M%S.%NZ)
new="$base/releases/$id"
cp -R -p "$site/." "$new.partial/"

if [ -d "$base/current/" ]; then
    old=$(cd "$base/current/" && pwd -P)
    (cd "$old" && find assets -type f -regextype posix-extended \
        -regex '.*\.[0-9a-f]{8}\.min\.(js|css)(\.map)?(\.gz|\.br)?' 2>/dev/null || true) |
    while IFS= read -r file; do
        if [ ! -e "$new.partial/$file" ] && ! grep -qxF "$file" "$old/.carried" 2>/dev/null; then
            mkdir -p "$(dirname "$new.partial/$file")"
            cp -p "$old/$file" "$new.partial/$file"
            echo "$file" >> "$new.partial/.carried"
        fi
    done
fi

mv -T "$new.partial" "$new"
ln -sfn "releases/$id" "$base/current.new"
mv -T "$base/current.new" "$base/current"

current=$(readlink "$base/current")
ls -1 "$base/releases" | grep -v '\.partial$' | sort | head -n "-$keep" | while IFS= read -r release; do
    [ "releases/$release" = "$current" ] || rm -rf "${base:?}/releases/$release"
done
echo "release.sh: $base/current -> $current"
