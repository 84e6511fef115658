#!/usr/bin/env bash
# Runs a private single-node Ceph with the RADOS Gateway (S3) on loopback, in the foreground, until SIGTERM/SIGINT.
#   ceph-rgw.sh --dir DIR --port PORT [--bucket NAME] [--user KEY] [--secret SECRET]
# Everything lives in DIR with its own ceph.conf (cluster "cloudpocket"; nothing in /etc/ceph): one mon, one OSD on
# memstore (objects in RAM, written to DIR/osd on a clean stop, so they survive a restart) and radosgw (beast) on
# 127.0.0.1:PORT. The first start creates the cluster and the S3 user; later starts reuse it. Prints
# "ceph-rgw ready on http://127.0.0.1:PORT" once a signed S3 request succeeds (creating NAME when given).
# Each daemon is stopped by its PID; a watchdog stops them too if this script is killed. It installs nothing.
set -euo pipefail

dir="" port="" bucket="" user="test" secret="test"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --bucket) bucket="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --secret) secret="$2"; shift 2 ;;
    *) echo "ceph-rgw: unknown option $1 (use --dir DIR --port PORT [--bucket NAME] [--user KEY] [--secret SECRET])" >&2; exit 2 ;;
  esac
done
if [ -z "$dir" ] || [ -z "$port" ]; then
  echo "ceph-rgw: --dir and --port are required" >&2
  exit 2
fi

for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ceph-rgw: $tool is missing; install Ceph with: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd" >&2
    exit 3
  fi
done

cluster=cloudpocket
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
conf="$dir/ceph.conf"
mkdir -p "$dir/run" "$dir/log" "$dir/mon" "$dir/osd" "$dir/rgw"
ceph_args=(--cluster "$cluster" -c "$conf")

# The monitor's port is chosen once and kept in the folder: the monitor map holds it.
if [ ! -f "$dir/mon.port" ]; then
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' >"$dir/mon.port"
  cat /proc/sys/kernel/random/uuid >"$dir/fsid"
fi
mon_port=$(cat "$dir/mon.port")
fsid=$(cat "$dir/fsid")

# Rewritten at every start (the S3 port may change); the cluster's identity comes from the folder.
cat >"$conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
auth cluster required = none
auth service required = none
auth client required = none
# With auth none, monitor clients otherwise ask for a secure connection that cannot be set up, and retry for minutes.
ms mon client mode = crc
keyring = /dev/null
run dir = $dir/run
admin socket = $dir/run/\$cluster-\$name.asok
log file = $dir/log/\$cluster-\$name.log
mon data = $dir/mon/\$cluster-\$id
osd data = $dir/osd/\$cluster-\$id
# A single node: proposals at once (cold start ~1 s instead of ~11 s), one copy, few placement groups.
paxos propose interval = 0.01
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
osd objectstore = memstore
# The capacity the OSD reports (8 GiB); memstore takes RAM only for what is stored.
memstore device bytes = 8589934592
# A clean stop writes memstore's objects to disk; a fast shutdown would skip that and lose them.
osd fast shutdown = false
bluestore fsck on mkfs = false
# A client whose first request finds the OSD still down asks for a newer map at its next tick (5 s by default).
objecter tick interval = 0.2
# Deleted objects are collected within a minute, not after two hours (memstore keeps them in RAM until then).
rgw gc obj min wait = 0
rgw gc processor period = 30

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
EOF

pids=()
stop() {
  trap - TERM INT EXIT
  # In reverse start order, each by its PID: radosgw, then the OSD (which saves memstore), then the monitor.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${pids[i]}" 2>/dev/null || true
  done
  [ -n "${watchdog:-}" ] && kill "$watchdog" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap 'stop; exit 0' TERM INT
trap stop EXIT

fail() {
  echo "ceph-rgw: $1; the logs are in $dir/log" >&2
  tail -n 20 "$dir/log/"*.log >&2 2>/dev/null || true
  exit 1
}

start() { # start NAME COMMAND...: runs a daemon in the foreground of a background job and records its PID
  local name="$1"; shift
  "$@" >>"$dir/log/$name.out" 2>&1 &
  pids+=("$!")
}

# Cold start: a new monitor store with a one-monitor map.
if [ ! -d "$dir/mon/$cluster-a" ]; then
  monmaptool --create --clobber --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon "${ceph_args[@]}" --mkfs -i a --monmap "$dir/monmap" >>"$dir/log/mkfs.out" 2>&1 || fail "the monitor store could not be created"
fi
start mon ceph-mon "${ceph_args[@]}" -i a -f

cli() { timeout 30 ceph "${ceph_args[@]}" --connect-timeout 20 "$@"; }

if [ ! -f "$dir/osd/$cluster-0/whoami" ]; then
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  cli osd new "$osd_uuid" >/dev/null 2>>"$dir/log/mkfs.out" || fail "the monitor did not answer"
  mkdir -p "$dir/osd/$cluster-0"
  ceph-osd "${ceph_args[@]}" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/mkfs.out" 2>&1 || fail "the OSD could not be created"
fi
start osd ceph-osd "${ceph_args[@]}" -i 0 -f
start rgw radosgw "${ceph_args[@]}" -n client.rgw -f

# Stops the daemons if this script dies without running its trap (SIGKILL): it polls for this process.
parent=$$
( while kill -0 "$parent" 2>/dev/null; do sleep 0.5; done; kill -TERM "${pids[@]}" 2>/dev/null ) </dev/null >/dev/null 2>&1 &
watchdog=$!

signed() { # signed METHOD PATH: one SigV4-signed S3 request without a body; prints the HTTP status
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$user:$secret" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -X "$1" "http://127.0.0.1:$port$2" || true
}

user_ready=false
for _ in $(seq 1 600); do
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a Ceph daemon exited"; done
  if ! $user_ready; then
    # The user is kept in the cluster: created on the first start only.
    if timeout 20 radosgw-admin "${ceph_args[@]}" user info --uid="$user" >/dev/null 2>&1 \
      || timeout 20 radosgw-admin "${ceph_args[@]}" user create --uid="$user" --display-name="$user" \
        --access-key="$user" --secret-key="$secret" >/dev/null 2>>"$dir/log/mkfs.out"; then
      user_ready=true
    fi
  fi
  if $user_ready; then
    if [ -n "$bucket" ]; then status=$(signed PUT "/$bucket"); else status=$(signed GET /); fi
    # 200: created or listed; 409: the bucket exists already (ours, from an earlier start).
    if [ "$status" = 200 ] || [ "$status" = 409 ]; then
      echo "ceph-rgw ready on http://127.0.0.1:$port (cluster in $dir)"
      break
    fi
  fi
  sleep 0.1
done
[ "${status:-}" = 200 ] || [ "${status:-}" = 409 ] || fail "radosgw did not answer a signed request within a minute"

wait -n "${pids[@]}" || true
fail "a Ceph daemon exited"
