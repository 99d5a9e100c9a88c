#!/usr/bin/env python3
"""Writes a large openai-python debug log (the long-standing form, as OPENAI_LOG=debug prints it) for the benchmark.

Seeded: the same seed and size give the same file. Calls succeed mostly; some fail with 429 or 5xx and are retried
with growing waits, a few end in a traceback; app lines sit between them. Keys in it are fake (sk-FAKE...).
Usage: scripts/make-api-log.py --size-mb 200 --seed 7 > bench-work/api.log
"""
import argparse
import random
import sys
from datetime import datetime, timedelta

ENDPOINTS = ["/chat/completions", "/embeddings", "/responses", "/images/generations"]
MODELS = ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "gpt-4.1"]
FAILS = [(429, "Too Many Requests", "rate_limit_exceeded", "requests"),
         (500, "Internal Server Error", None, "server_error"),
         (503, "Service Unavailable", "server_is_overloaded", "server_error")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    limit = int(args.size_mb * 1_000_000)
    t = datetime(2025, 3, 1, 9, 0, 0)
    out = sys.stdout
    written = 0

    def line(logger, lineno, level, text):
        nonlocal written
        s = f"[{t:%Y-%m-%d %H:%M:%S} - {logger}:{lineno} - {level}] {text}\n"
        out.write(s)
        written += len(s.encode("utf-8"))

    def rid():
        return "req_" + "".join(rnd.choice("0123456789abcdef") for _ in range(32))

    while written < limit:
        t += timedelta(milliseconds=rnd.randint(50, 3000))
        ep = rnd.choice(ENDPOINTS)
        model = rnd.choice(MODELS)
        url = "https://api.openai.com/v1" + ep
        prompt = " ".join(rnd.choice(["please", "summarise", "the", "report", "about", "weather", "in", "Lisbon",
                                      "and", "list", "three", "points"]) for _ in range(rnd.randint(8, 60)))
        fail = rnd.random() < 0.15
        attempts = rnd.randint(2, 4) if fail else 1
        status, reason, code, etype = rnd.choice(FAILS) if fail else (200, "OK", None, None)
        recovers = fail and rnd.random() < 0.5
        wait = rnd.uniform(0.3, 0.6)
        for a in range(attempts):
            last = a == attempts - 1
            st, rs = (200, "OK") if last and recovers else (status, reason)
            line("openai._base_client", 446, "DEBUG", "Request options: {'method': 'post', 'url': '" + ep
                 + "', 'files': None, 'json_data': {'messages': [{'role': 'user', 'content': '" + prompt
                 + "'}], 'model': '" + model + "'}}")
            line("openai._base_client", 979, "DEBUG", f"Sending HTTP Request: POST {url}")
            t += timedelta(milliseconds=rnd.randint(80, 2000))
            line("httpx", 1025, "INFO", f'HTTP Request: POST {url} "HTTP/1.1 {st} {rs}"')
            r = rid()
            remaining = 0 if st == 429 and rnd.random() < 0.5 else rnd.randint(1, 4999)
            line("openai._base_client", 1018, "DEBUG",
                 f'HTTP Response: POST {url} "{st} {rs}" Headers({{\'date\': \'{t:%a, %d %b %Y %H:%M:%S} GMT\', '
                 f"'content-type': 'application/json', 'x-request-id': '{r}', 'openai-processing-ms': "
                 f"'{rnd.randint(100, 9000)}', 'x-ratelimit-limit-requests': '5000', 'x-ratelimit-remaining-requests': "
                 f"'{remaining}', 'x-ratelimit-reset-requests': '{rnd.randint(5, 900)}ms', 'cf-ray': "
                 f"'{rnd.getrandbits(64):016x}-AMS'}})")
            line("openai._base_client", 1026, "DEBUG", f"request_id: {r}")
            if st >= 400 and not last:
                line("openai._base_client", 1056, "DEBUG", f"{attempts - a - 1} retries left")
                line("openai._base_client", 1061, "INFO", f"Retrying request to {ep} in {wait:.6f} seconds")
                t += timedelta(seconds=wait)
                wait *= rnd.uniform(1.6, 2.0)
        if fail and not recovers:
            msg = "Rate limit reached for requests" if status == 429 else "The server had an error while processing your request."
            code_repr = "None" if code is None else f"'{code}'"
            out.write("Traceback (most recent call last):\n  File \"/srv/app/main.py\", line 40, in <module>\n")
            s = (f"openai.{'RateLimitError' if status == 429 else 'InternalServerError'}: Error code: {status} - "
                 f"{{'error': {{'message': '{msg}', 'type': '{etype}', 'param': None, 'code': {code_repr}}}}}\n")
            out.write(s)
            written += len(s) + 80
        if rnd.random() < 0.2:
            s = f"{t:%Y-%m-%d %H:%M:%S},{rnd.randint(0, 999):03d} INFO app.worker: processed batch {rnd.randint(1, 99999)} in {rnd.randint(1, 900)} ms\n"
            out.write(s)
            written += len(s)


if __name__ == "__main__":
    main()
