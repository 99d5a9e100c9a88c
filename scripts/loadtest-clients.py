#!/usr/bin/env python3
"""The load of scripts/loadtest: submitters posting real corpus HARs through the balancer for a set time, then every
acknowledged ticket read back through one instance (not the balancer). Standard library only.

A submission that fails (connection cut, 502 from the balancer while an instance is down) is sent again with the same
Idempotency-Key, as a careful client does, up to --retries times; one answered 201 is acknowledged. Afterwards each
acknowledged ticket must answer GET /api/tickets/{ref} and its ZIP export (which refuses when a file the ticket names
is missing from the store) must hold its HAR when the service took it (a truncated corpus file is rejected as
unreadable when submitted, and has none). Exits 1 when an acknowledged ticket is lost.
"""
import argparse
import base64
import http.client
import io
import json
import os
import random
import threading
import time
import urllib.parse
import uuid
import zipfile


def post_report(base, har_path, key, timeout):
    boundary = "----loadtest-" + uuid.uuid4().hex
    with open(har_path, "rb") as f:
        har = f.read()
    report = json.dumps({"product": "chatgpt_web", "seenMessage": "load test", "seenStatus": 500}).encode()
    body = b"".join([
        b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"report\"\r\n"
        b"Content-Type: application/json\r\n\r\n" + report + b"\r\n",
        b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"har\"; filename=\""
        + os.path.basename(har_path).encode() + b"\"\r\nContent-Type: application/json\r\n\r\n" + har + b"\r\n",
        b"--" + boundary.encode() + b"--\r\n"])
    return request(base, "POST", "/api/reports", body, {
        "Content-Type": "multipart/form-data; boundary=" + boundary, "Idempotency-Key": key}, timeout)


def request(base, method, path, body=None, headers=None, timeout=120):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--balancer", required=True)
    ap.add_argument("--check", required=True, help="an instance's own address, for reading the tickets back")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--submitters", type=int, default=8)
    ap.add_argument("--max-har", type=int, default=2 * 1024 * 1024, help="largest corpus HAR posted, in bytes")
    ap.add_argument("--retries", type=int, default=5)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--out", required=True, help="file the acknowledged references are written to")
    args = ap.parse_args()

    hars = sorted(os.path.join(args.corpus, n) for n in os.listdir(args.corpus)
                  if n.endswith(".har") and os.path.getsize(os.path.join(args.corpus, n)) <= args.max_har)
    if not hars:
        raise SystemExit("no HAR of at most %d bytes in %s" % (args.max_har, args.corpus))
    lock = threading.Lock()
    stats = {"requests": 0, "errors": 0, "retried": 0, "gave_up": 0}
    latencies = []
    acknowledged = []
    deadline = time.monotonic() + args.seconds

    def submitter(n):
        rnd = random.Random(n)
        while time.monotonic() < deadline:
            har = rnd.choice(hars)
            key = uuid.uuid4().hex
            for attempt in range(args.retries + 1):
                started = time.monotonic()
                try:
                    status, body = post_report(args.balancer, har, key, 300)
                except OSError as e:
                    status, body = None, str(e).encode()
                took = time.monotonic() - started
                with lock:
                    stats["requests"] += 1
                    if status == 201:
                        latencies.append(took)
                        answer = json.loads(body)
                        # a HAR the service could not read (a truncated corpus file) is listed as rejected: no file
                        analyzed = any(e.get("status") == "analyzed" for e in answer.get("evidence", []))
                        acknowledged.append((answer["reference"], os.path.basename(har), analyzed))
                    else:
                        stats["errors"] += 1
                        if attempt > 0:
                            stats["retried"] += 1
                if status == 201 or (status is not None and 400 <= status < 500):
                    break
                time.sleep(1)
            else:
                with lock:
                    stats["gave_up"] += 1

    threads = [threading.Thread(target=submitter, args=(i,)) for i in range(args.submitters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    auth = {"Authorization": "Basic " + base64.b64encode(
        (args.user + ":" + args.password).encode()).decode()}
    lost = []
    with open(args.out, "w") as out:
        for ref, har, analyzed in acknowledged:
            out.write(ref + "\n")
            problem = None
            try:
                status, body = request(args.check, "GET", "/api/tickets/" + ref, headers=auth)
                if status != 200:
                    problem = "GET answered %d" % status
                else:
                    status, body = request(args.check, "GET", "/api/tickets/%s/export/zip" % ref, headers=auth)
                    if status != 200:
                        problem = "ZIP export answered %d: %s" % (status, body[:200])
                    elif analyzed and not any("/har/" in n for n in zipfile.ZipFile(io.BytesIO(body)).namelist()):
                        problem = "ZIP export without its HAR"
            except (OSError, zipfile.BadZipFile) as e:
                problem = str(e)
            if problem:
                lost.append("%s (%s): %s" % (ref, har, problem))

    lat = sorted(latencies)
    print("HARs posted: %d corpus files of at most %.1f MB, %d submitters for %d s"
          % (len(hars), args.max_har / 1048576, args.submitters, args.seconds))
    print("requests %d, acknowledged %d, errors %d (of which retries %d, given up %d), lost %d"
          % (stats["requests"], len(acknowledged), stats["errors"], stats["retried"], stats["gave_up"], len(lost)))
    print("acknowledged submissions: p50 %.2f s, p99 %.2f s, max %.2f s"
          % (percentile(lat, 50), percentile(lat, 99), lat[-1] if lat else float("nan")))
    for line in lost:
        print("LOST " + line)
    raise SystemExit(1 if lost else 0)


if __name__ == "__main__":
    main()
