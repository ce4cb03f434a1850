#!/usr/bin/env bash
# Idempotent: a dedicated OpenSSH server on 127.0.0.1:2222 so the tests can reach the local engine
# as ssh://root@127.0.0.1:2222 (what a deployed target behind ssh looks like). Installs
# openssh-server when missing, keeps everything of its own under one state directory (config, host
# key, a client key pair whose public half is the only authorized key, known_hosts, log, pid) and
# touches neither ~/.ssh nor /etc/ssh. Fast and silent but for one status line when it already runs.
#
# Only public-key logins, only on loopback. The client key is for this test server only.
set -euo pipefail

STATE="${STAGEGATE_SSHD_DIR:-/var/lib/stagegate-sshd}"
PORT="${STAGEGATE_SSHD_PORT:-2222}"
log() { printf '[sshd-setup] %s\n' "$*"; }

CONFIG="$STATE/sshd_config"
PIDFILE="$STATE/sshd.pid"
CLIENT_KEY="$STATE/client_ed25519"
KNOWN_HOSTS="$STATE/known_hosts"

status_line() {
  log "sshd on 127.0.0.1:$PORT (pid $(cat "$PIDFILE")); ssh://root@127.0.0.1:$PORT with -i $CLIENT_KEY -o UserKnownHostsFile=$KNOWN_HOSTS"
}

# Answers with an SSH banner: the port is ours and sshd is up (not just some listener).
answers() {
  local banner
  banner=$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && head -c 4 <&3" 2>/dev/null || true)
  [ "$banner" = "SSH-" ]
}

running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && answers
}

WANTED=$(cat <<CONFIG
# Written by scripts/sshd-setup.sh: a test-only sshd for ssh:// Docker hosts.
Port $PORT
ListenAddress 127.0.0.1
HostKey $STATE/host_ed25519
PidFile $PIDFILE
AuthorizedKeysFile $STATE/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
# The tunnel forwards a local unix socket to the engine's socket (ssh -L sock:sock). OpenSSH only
# allows that when local TCP forwarding is allowed too: with AllowTcpForwarding no, sshd logs
# "Received request to connect to path /var/run/docker.sock, but the request was denied."
AllowStreamLocalForwarding yes
AllowTcpForwarding local
X11Forwarding no
PermitTTY no
PrintMotd no
# Parallel test runs open several tunnels at once.
MaxStartups 30:50:100
CONFIG
)

# Up to date: ours answers and runs the config below (a changed config restarts it).
current() { running && [ -f "$CLIENT_KEY" ] && [ "$(cat "$CONFIG" 2>/dev/null)" = "$WANTED" ]; }

if current; then
  status_line
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  log "sshd is not running on 127.0.0.1:$PORT; run this script as root"
  exit 1
fi

mkdir -p "$STATE"
chmod 700 "$STATE"
# Two setups at once (parallel builds) must not both generate keys or start two daemons.
exec 9>"$STATE/.lock"
flock 9
if current; then
  status_line
  exit 0
fi

if [ ! -x /usr/sbin/sshd ]; then
  log "installing openssh-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Debian's postinst would start the system sshd on :22 unless policy-rc.d forbids it; this
  # container's does (exit 101). Either way we start our own daemon below.
  # The server must be the ssh client's exact version: docker-setup.sh may have taken a newer client
  # from Debian 13 along with the current Docker toolchain.
  client=$(dpkg-query -W -f='${Version}' openssh-client 2>/dev/null || true)
  if [ -n "$client" ] \
    && apt-get install -y -qq "openssh-server=$client" "openssh-sftp-server=$client" >/dev/null 2>&1; then
    :
  else
    # The client's exact version is gone from the archive (a point release replaced it): take
    # server, sftp server and client together at the server's candidate version, so they match.
    server=$(apt-cache policy openssh-server | awk '/Candidate:/ {print $2}')
    log "openssh-client ${client:-(none)} has no server of its version in the archive; installing $server of all three"
    apt-get install -y -qq --allow-downgrades "openssh-server=$server" \
      "openssh-sftp-server=$server" "openssh-client=$server" >/dev/null
  fi
fi

[ -f "$STATE/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C stagegate-sshd-host -f "$STATE/host_ed25519"
[ -f "$CLIENT_KEY" ] || ssh-keygen -q -t ed25519 -N '' -C stagegate-test-client -f "$CLIENT_KEY"
cp "$CLIENT_KEY.pub" "$STATE/authorized_keys"
chmod 600 "$STATE/authorized_keys"
# Pinned host key: clients may use StrictHostKeyChecking=yes against this file.
printf '[127.0.0.1]:%s %s\n' "$PORT" "$(cut -d' ' -f1-2 "$STATE/host_ed25519.pub")" >"$KNOWN_HOSTS"

printf '%s\n' "$WANTED" >"$CONFIG"

# sshd refuses to start without its privilege-separation directory; nothing creates it without
# systemd/tmpfiles.
mkdir -p /run/sshd
chmod 755 /run/sshd
/usr/sbin/sshd -t -f "$CONFIG"

if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  # Ours but not answering, or running an older config: restart it.
  kill "$(cat "$PIDFILE")" 2>/dev/null || true
  sleep 0.2
fi
rm -f "$PIDFILE"
# sshd daemonizes itself; -E keeps its log with the rest of the state (no syslog here).
/usr/sbin/sshd -f "$CONFIG" -E "$STATE/sshd.log"
for _ in $(seq 1 50); do running && break; sleep 0.1; done
running || { log "sshd did not answer on 127.0.0.1:$PORT within 5 s; see $STATE/sshd.log"; exit 1; }
status_line
