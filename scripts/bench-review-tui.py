#!/usr/bin/env python3
"""Time the interactive review's first screen: run `dossier review` in an 80x24
pseudo-terminal, wait for the first full screen, press q, and print how long it took.

    cargo build --release --examples
    target/release/examples/gen-dossier 1000 /tmp/gd1k --seed 1
    target/release/dossier --root /tmp/gd1k -q extract
    python3 scripts/bench-review-tui.py target/release/dossier /tmp/gd1k
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

binary, root = sys.argv[1], sys.argv[2]
start = time.time()
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    time.sleep(0.05)  # let the parent size the terminal first
    os.execv(binary, [binary, "--root", root, "review", "--by", "bench"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
screen = b""
first = None
while time.time() - start < 300:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            screen += os.read(fd, 65536)
        except OSError:
            break
        if first is None and len(screen) > 1000:
            first = time.time() - start
            os.write(fd, b"q")
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        break
if first is None:
    sys.exit("no screen was drawn")
print(f"first screen after {first:.2f} s; exited {time.time() - start:.2f} s after start")
