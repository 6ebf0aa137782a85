#!/usr/bin/env python3
"""Runs a command and reports each of its threads' share of the command's CPU time.

    python3 tools/thread_shares.py -- newsidx index DIR --index IDX --rebuild

Samples /proc/PID/task/*/stat (utime + stime) every 50 ms while the command runs and
keeps each thread's last reading: a thread's CPU time is counted up to its last sample
(a thread that lives less than 50 ms may be missed). Prints threads by CPU time, their
share of the total, and the Amdahl bound 1 / (largest share): no number of cores can
run the command faster than that while one thread does that share of the work alone.
"""
import os
import subprocess
import sys
import time

args = sys.argv[1:]
if args and args[0] == "--":
    args = args[1:]
tick = os.sysconf("SC_CLK_TCK")
proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
seen = {}
start = time.time()
while proc.poll() is None:
    try:
        for tid in os.listdir(f"/proc/{proc.pid}/task"):
            try:
                with open(f"/proc/{proc.pid}/task/{tid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            cpu = (int(fields[11]) + int(fields[12])) / tick
            seen[tid] = (name, cpu)
    except OSError:
        pass
    time.sleep(0.05)
wall = time.time() - start
total = sum(cpu for _, cpu in seen.values()) or 1e-9
print(f"wall {wall:.2f} s, CPU {total:.2f} s over {len(seen)} threads, exit {proc.returncode}")
ranked = sorted(seen.items(), key=lambda kv: -kv[1][1])
for tid, (name, cpu) in ranked[:12]:
    print(f"  {name:<16} {cpu:7.2f} s  {100 * cpu / total:5.1f}%")
largest = ranked[0][1][1] / total if ranked else 1
print(f"largest share {100 * largest:.1f}%: Amdahl bound {1 / largest:.2f}x")
sys.exit(proc.returncode)
