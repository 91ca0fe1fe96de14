#!/usr/bin/env python3
"""Times GET requests to the national hub over one kept-alive mutual-TLS connection.

usage: hubload.py CA CERT KEY PORT COUNT PATH [PATH ...]

Sends COUNT requests, cycling through the paths, each on the same connection (as a client that
reads the statistics page by page would), and prints one JSON line: count, the status counts, and
p50, p95, p99 and max in milliseconds. The client's own cost is included: Python's http.client
parsing a few hundred bytes, measured apart as `client_ms` (a request answered from a local buffer).
"""
import http.client, json, ssl, sys, time


def main():
    ca, cert, key, port, count, paths = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6:]
    context = ssl.create_default_context(cafile=ca)
    context.load_cert_chain(cert, key)
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context)
    took, statuses = [], {}
    for index in range(count):
        path = paths[index % len(paths)]
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        took.append((time.perf_counter() - started) * 1000)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if index == 0:
            sample = body
    took.sort()

    def at(q):
        return round(took[min(len(took) - 1, int(q * len(took)))], 2)

    # The client's own cost: parsing the same response from memory, no network, no server.
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(sample) + sample
    class Fake:
        def makefile(self, mode):
            import io
            return io.BytesIO(raw)
    started = time.perf_counter()
    for _ in range(200):
        parsed = http.client.HTTPResponse(Fake())
        parsed.begin()
        parsed.read()
    client = (time.perf_counter() - started) * 1000 / 200
    print(json.dumps({"count": count, "statuses": statuses, "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99),
                      "max_ms": round(took[-1], 2), "client_ms": round(client, 3)}))


if __name__ == "__main__":
    main()
