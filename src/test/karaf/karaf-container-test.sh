#!/usr/bin/env bash
# The Karaf container test (mvn -B -Pkaraf verify runs it; README: Karaf).
#
# Unpacks Apache Karaf from the local Maven repository, starts it, installs camel-karaf 4.14.5's own
# features with the stand-in Camel bundles of camel-karaf-standin.xml, installs this project's feature
# from target/, and asserts: the bundle is Active, its routes started, a sandbox dry-run sync
# succeeded (log line and output files), a changed value in etc/org.teleportj1.cfg took effect, and
# Karaf's ssh console still answers with its sshd bundle never refreshed. Karaf is stopped and its
# directory removed at the end, whatever happened.
#
# Environment (set by the karaf profile): KARAF_TARBALL, KARAF_VERSION, PROJECT_VERSION, BUILD_DIR,
# LOCAL_REPOSITORY.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$BUILD_DIR/karaf-container-test"
karaf="$work/apache-karaf-$KARAF_VERSION"
log="$karaf/data/log/karaf.log"
features="mvn:org.teleportj1/teleport-jupiterone/$PROJECT_VERSION/xml/features"

say() { printf '[karaf-test] %s\n' "$*"; }
exec 3>&2 # fail() reports here even from a condition whose stderr await silences
fail() { { say "FAILED: $*"; [ -f "$log" ] && { say "last lines of $log:"; tail -n 60 "$log"; }; } >&3; exit 1; }
# a port nothing listens on (a connect is refused), picked at random
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# Polls a condition until it holds or the deadline passes (a wait for a state, not a fixed pause).
await() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what (not within ${seconds}s)"
    sleep 1
  done
  say "ok: $what"
}

console() { "$karaf/bin/client" -a "$ssh_port" -h 127.0.0.1 -u karaf -p karaf -r 3 -d 2 "$@" 2>&1 | grep -v '^Logging in as'; }

stop_karaf() {
  if [ -x "$karaf/bin/stop" ] && [ -f "$karaf/instances/instance.properties" ]; then
    "$karaf/bin/stop" >/dev/null 2>&1 || true
    local pid; pid="$(cat "$karaf/karaf.pid" 2>/dev/null || true)"
    if [ -n "$pid" ]; then
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$work"
}
[ "${KARAF_TEST_KEEP:-}" = 1 ] || trap stop_karaf EXIT

# --- a fresh Karaf ---------------------------------------------------------------------------
rm -rf "$work" && mkdir -p "$work"
[ -f "$KARAF_TARBALL" ] || fail "no Karaf distribution at $KARAF_TARBALL"
tar xzf "$KARAF_TARBALL" -C "$work"
ssh_port="$(free_port)"; rmi_registry="$(free_port)"; rmi_server="$(free_port)"
sed -i "s/^sshPort *=.*/sshPort = $ssh_port/" "$karaf/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmi_registry/; s/^rmiServerPort *=.*/rmiServerPort = $rmi_server/" \
  "$karaf/etc/org.apache.karaf.management.cfg"
# the console user the test logs in with (commented out in a fresh Karaf)
sed -i 's/^#karaf = karaf,_g_:admingroup/karaf = karaf,_g_:admingroup/; s/^#_g_\\:admingroup/_g_\\:admingroup/' \
  "$karaf/etc/users.properties"
cp "$here/camel-karaf-standin.xml" "$karaf/etc/org.apache.karaf.features.xml"

# this build's bundle and features, laid out as a Maven repository Karaf reads before Central
repo="$work/repository/org/teleportj1/teleport-jupiterone/$PROJECT_VERSION"
mkdir -p "$repo"
cp "$BUILD_DIR/teleport-jupiterone-osgi.jar" "$repo/teleport-jupiterone-$PROJECT_VERSION-osgi.jar"
cp "$BUILD_DIR/karaf/features.xml" "$repo/teleport-jupiterone-$PROJECT_VERSION-features.xml"
cat >> "$karaf/etc/org.ops4j.pax.url.mvn.cfg" <<EOF
org.ops4j.pax.url.mvn.localRepository = $LOCAL_REPOSITORY
org.ops4j.pax.url.mvn.defaultRepositories = \\
    \${karaf.home.uri}\${karaf.default.repository}@id=system.repository@snapshots, \\
    file:$work/repository@id=teleport-jupiterone@snapshots
EOF

# the settings an administrator would write: the built-in sandbox, a dry run every 5 s
out="$work/out"
cat > "$karaf/etc/org.teleportj1.cfg" <<EOF
sync.cron = 0/5 * * * * ?
sync.output-dir = $out/first
sync.state-dir = $out/state
sync.dead-letter-dir = $out/dead-letters
EOF

# --- start, install --------------------------------------------------------------------------
say "starting Karaf $KARAF_VERSION (ssh port $ssh_port)"
"$karaf/bin/start"
console_answers() { console "bundle:list -t 0 -s" | grep -q 'org.apache.sshd.osgi'; }
await "Karaf's console answers" 120 console_answers
sshd_before="$(console 'bundle:list -t 0 -s' | grep -i 'org.apache.sshd.osgi' || true)"
[ -n "$sshd_before" ] || fail "no sshd bundle in a fresh Karaf"

say "feature:repo-add $features"
console "feature:repo-add $features" | sed 's/^/  /'
console "feature:repo-add file:$here/camel-karaf-standin-features.xml" | sed 's/^/  /'
say "feature:install teleport-jupiterone (downloads camel-karaf's third-party bundles and the stand-in Camel jars)"
# one resolution: the stand-in parts and the Camel bundles they complete are wired together
install_output="$(console 'feature:install camel-karaf-standin-parts teleport-jupiterone' 2>&1 || true)"
echo "$install_output" | sed 's/^/  /'
echo "$install_output" | grep -qi 'error' && fail "feature:install teleport-jupiterone reported an error"

# --- assertions ------------------------------------------------------------------------------
bundle_is_active() { console "bundle:list -t 0 -s" | grep 'org.teleportj1.teleport-jupiterone' | grep -q 'Active'; }
await "the teleport-jupiterone bundle is Active" 120 bundle_is_active
say "bundle state, from the console:"
{ console "bundle:list -t 0 -s" | grep -E 'State|org.teleportj1|standin.camel-core-engine|camel-core-osgi' | sed 's/^/  /'; } || true

await "the routes started" 120 grep -q "teleport-jupiterone started with .*/org.teleportj1.cfg" "$log"
say "started routes, from the console's log:"
{ console "log:display" | grep -E "teleport-jupiterone started with" | tail -n 1 | sed 's/^/  /'; } || true

# a sync of cluster $1 succeeded and wrote its files under $2; a failed sync or start fails the test at once
synced_into() {
  local failure="Sync of cluster '$1' failed\|teleport-jupiterone could not start\|teleport-jupiterone is not syncing"
  if grep -q "$failure" "$log"; then
    fail "the sync failed inside Karaf: $(grep -h -A2 "$failure" "$log" | head -n 6)"
  fi
  grep -q "Sync of cluster '$1' succeeded" "$log" && [ -n "$(ls -A "$2/$1" 2>/dev/null)" ]
}
await "a sandbox dry-run sync succeeded and wrote $out/first" 180 synced_into default "$out/first"
say "the sync's success line, from the console's log:"
{ console "log:display" | grep -E "Sync of cluster 'default' succeeded" | tail -n 1 | sed 's/^/  /'; } || true
ls "$out/first" | sed 's/^/  output: /'
grep -q "ERROR.*org.teleportj1" "$log" && fail "teleport-jupiterone logged an error (above)"

say "changing sync.output-dir in etc/org.teleportj1.cfg"
sed -i "s#^sync.output-dir = .*#sync.output-dir = $out/second#" "$karaf/etc/org.teleportj1.cfg"
await "the changed sync.output-dir took effect: a sync wrote $out/second" 180 synced_into default "$out/second"

say "adding a cluster file and naming its directory in karaf.clusters-dir"
mkdir -p "$work/clusters"
cat > "$work/clusters/second.camel.yaml" <<EOF
- templatedRoute:
    routeTemplateRef: teleport-sync
    routeId: sync-second
    parameters:
      - { name: cluster, value: second }
      - { name: address, value: sandbox }
      - { name: cron, value: "0/5 * * * * ?" }
EOF
echo "karaf.clusters-dir = $work/clusters" >> "$karaf/etc/org.teleportj1.cfg"
await "the cluster file in karaf.clusters-dir synced its cluster" 180 synced_into second "$out/second"

console_still_answers() { console "bundle:list -t 0 -s" | grep 'org.apache.sshd.osgi' | grep -q 'Active'; }
await "Karaf's ssh console still answers, its sshd bundle Active" 30 console_still_answers
if grep -A20 'Refreshing bundles' "$log" | grep -q 'org.apache.sshd'; then
  fail "installing the feature refreshed Karaf's sshd bundle"
fi
say "ok: Karaf never refreshed its sshd bundle"
grep -q "ERROR.*org.teleportj1" "$log" && fail "teleport-jupiterone logged an error"
say "PASSED"
