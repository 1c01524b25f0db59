#!/usr/bin/env python3
"""Slow senders against a running server (bench/slow-senders.sh starts it): CONNECTIONS clients each
send a request line and then one header line every INTERVAL seconds, never finishing their headers,
from source addresses 127.0.1.1, 127.0.1.2, ... (PER_ADDRESS each, below the per-address limit);
meanwhile one client polls PATH every 0.5 s from 127.0.0.1. Reports how long each slow connection
lived until the server closed it, and the polls' latencies. Usage:
slow-senders.py PORT CONNECTIONS INTERVAL PER_ADDRESS PATH"""
import asyncio
import statistics
import sys
import time

port, count, interval, per_address, path = (int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]),
                                            int(sys.argv[4]), sys.argv[5])
lived, refused, still_open, polls, failed_polls = [], [0], [0], [], [0]


async def slow(i, deadline):
    source = f"127.0.1.{i // per_address + 1}"
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    except OSError:
        refused[0] += 1
        return
    opened = time.monotonic()
    writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n".encode())
    line = 0
    try:
        while time.monotonic() < deadline:
            try:
                data = await asyncio.wait_for(reader.read(1024), timeout=interval)
                if not data:
                    lived.append(time.monotonic() - opened)
                    return
            except asyncio.TimeoutError:
                writer.write(f"X-Slow-{line}: still coming\r\n".encode())
                line += 1
        still_open[0] += 1
    except (ConnectionError, OSError):
        lived.append(time.monotonic() - opened)
    finally:
        writer.close()


async def poll(until):
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
            answer = await asyncio.wait_for(reader.read(), timeout=10)
            writer.close()
            if answer.startswith(b"HTTP/1.1 "):
                polls.append(time.monotonic() - started)
            else:
                failed_polls[0] += 1
        except (OSError, asyncio.TimeoutError):
            failed_polls[0] += 1
        await asyncio.sleep(0.5)


async def main():
    deadline = time.monotonic() + 120
    slow_ones = [asyncio.create_task(slow(i, deadline)) for i in range(count)]
    poller = asyncio.create_task(poll(deadline))
    await asyncio.gather(*slow_ones)
    poller.cancel()
    q = statistics.quantiles(lived, n=100) if len(lived) > 1 else [0] * 99
    print(f"slow connections: {count} opened from {(count - 1) // per_address + 1} addresses, "
          f"{len(lived)} closed by the server, {refused[0]} refused, {still_open[0]} still open after 120 s")
    if lived:
        print(f"lived until closed: min {min(lived):.1f} s, median {statistics.median(lived):.1f} s, "
              f"p99 {q[98]:.1f} s, max {max(lived):.1f} s")
    if polls:
        print(f"polls meanwhile: {len(polls)} answered, {failed_polls[0]} failed, "
              f"median {statistics.median(polls) * 1000:.0f} ms, max {max(polls) * 1000:.0f} ms")
    else:
        print(f"polls meanwhile: none answered, {failed_polls[0]} failed")


asyncio.run(main())
