// spoor-load: an event-driven load client for spoord's socket, in the manner of pgbench -j: a few
// threads, each driving many connections through epoll, so that the client's own CPU per request
// is small and stated. It speaks the NDJSON protocol (DESIGN.md), one request in flight per
// connection unless --depth says more, and checks that every reply says "ok":true.
//
//   spoor-load --socket PATH [--connections 64] [--threads 2] [--seconds 10] [--command open-case|risk]
//              [--rate 0] [--prefix p] [--history 3] [--depth 1] [--unique-names 0]
//
// --command open-case: every request opens a new case. risk: each connection first opens its own case
// and records --history signals on it (untimed), then records risk assessments on it. signal: the
// same set-up, then records more signals on it, so that its case grows as the run goes on.
// --rate R: R requests/s in all on a fixed schedule, each latency measured from its scheduled time
// (a stall counts against every request it delays); 0: each connection sends its next request
// as soon as the last is answered.
//
// --depth D: D requests in flight on each connection (pipelined, closed loop only; default 1): the
// daemon answers a connection's requests one after another, in order.
//
// --trace FILE: one line per request, "<wall-clock seconds when due> <latency µs>", for a latency-over-time trace.
//
// Prints one line: requests=N seconds=S rate=R/s p50_us= p99_us= max_us= errors=E client_cpu_us=C
// (the client's user+system CPU per request).
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

enum command { OPEN_CASE, RISK, SIGNAL };

static const char *socket_path;
static int connections = 64, threads = 2, history = 3, depth = 1, unique_names = 0;
#define MAX_DEPTH 64
static double seconds = 10, rate = 0;
static enum command command = OPEN_CASE;
static const char *prefix = "p";
static FILE *trace;
static pthread_mutex_t trace_lock = PTHREAD_MUTEX_INITIALIZER;
static double wall_offset;  // CLOCK_REALTIME - CLOCK_MONOTONIC, to print due times as wall-clock seconds

struct connection {
    int fd, index;
    char out[2048];
    size_t out_length, out_sent;
    char in[65536];
    size_t in_length;
    uint64_t sent, answered;
    double scheduled[MAX_DEPTH];  // when each request in flight was due (fixed rate) or sent (closed loop), oldest first
    int oldest;                   // the index in `scheduled` of the oldest request in flight
    double next_due;   // fixed rate: when the next request is due
    int in_flight;
};

struct worker {
    pthread_t thread;
    int first, count;
    double *latencies;
    size_t latency_count, latency_capacity;
    uint64_t errors;
};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

static int connect_socket(void) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) die("socket");
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(socket_path) >= sizeof address.sun_path) { fprintf(stderr, "socket path too long\n"); exit(2); }
    strcpy(address.sun_path, socket_path);
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) die(socket_path);
    return fd;
}

static const char *open_case_body =
    "{\"unit\":\"north\",\"openedOn\":\"2026-01-05\",\"youth\":{\"gender\":\"female\",\"nationalityGroup\":\"dutch\","
    "\"ageAtOpening\":15},\"personal\":{\"name\":\"Bench Mark\",\"birthDate\":\"2011-01-01\"}}";
// With --unique-names 1, each case's youth is named after the case: a store of many youths, not of one
// youth's many cases, for the statistics, which count a youth once over the cases its name matches.
static const char *open_case_named_body =
    "{\"unit\":\"north\",\"openedOn\":\"2026-01-05\",\"youth\":{\"gender\":\"female\",\"nationalityGroup\":\"dutch\","
    "\"ageAtOpening\":15},\"personal\":{\"name\":\"Bench %s\",\"birthDate\":\"2011-01-01\"}}";

static const char *opening(char *body, size_t size, const char *case_id) {
    if (!unique_names) return open_case_body;
    snprintf(body, size, open_case_named_body, case_id);
    return body;
}
static const char *signal_body =
    "{\"formsOfExploitation\":[\"sexual\"],\"indicators\":[\"online\"],\"nature\":\"concrete\",\"observedOn\":\"2026-01-06\","
    "\"source\":\"own-observation\",\"personal\":{\"text\":\"seen at the station with an older man\"}}";
static const char *risk_body =
    "{\"instrument\":\"ris-l\",\"outcome\":\"high\",\"assessedOn\":\"2026-01-07\",\"nextDueOn\":\"2026-02-07\"}";

static void compose(struct connection *c, const char *name, const char *case_id, const char *body) {
    int n = snprintf(c->out, sizeof c->out,
                     "{\"v\":1,\"id\":\"%llu\",\"method\":\"case.command\",\"params\":{\"case\":\"%s\",\"command\":\"%s\",\"body\":%s}}\n",
                     (unsigned long long)c->sent, case_id, name, body);
    c->out_length = (size_t)n, c->out_sent = 0;
}

static void next_request(struct connection *c) {
    char case_id[96];
    if (command == OPEN_CASE) {
        char body[512];
        snprintf(case_id, sizeof case_id, "%s-%d-%llu", prefix, c->index, (unsigned long long)c->sent);
        compose(c, "open-case", case_id, opening(body, sizeof body, case_id));
    } else {
        snprintf(case_id, sizeof case_id, "%s-%d", prefix, c->index);
        compose(c, command == RISK ? "record-risk-assessment" : "record-signal", case_id, command == RISK ? risk_body : signal_body);
    }
}

// The untimed set-up of the risk and signal commands: a request sent on a connection.
static void send_request(int fd, const char *name, const char *case_id, const char *body) {
    struct connection c = {.fd = fd};
    compose(&c, name, case_id, body);
    if (write(fd, c.out, c.out_length) != (ssize_t)c.out_length) die("write");
}

// Reads the reply to a request sent with send_request and checks it.
static void check_reply(int fd, const char *name, const char *case_id) {
    char reply[65536];
    size_t length = 0;
    while (!memchr(reply, '\n', length)) {
        ssize_t n = read(fd, reply + length, sizeof reply - length - 1);
        if (n <= 0) die("read");
        length += (size_t)n;
    }
    reply[length] = 0;
    int reused = !strcmp(name, "open-case") && strstr(reply, "exists already");  // a case left by an earlier run with this prefix
    if (!strstr(reply, "\"ok\":true") && !reused) { fprintf(stderr, "set-up %s on %s failed: %s", name, case_id, reply); exit(2); }
}

static void record(struct worker *w, double latency) {
    if (w->latency_count == w->latency_capacity) {
        w->latency_capacity = w->latency_capacity ? 2 * w->latency_capacity : 65536;
        w->latencies = realloc(w->latencies, w->latency_capacity * sizeof(double));
        if (!w->latencies) die("realloc");
    }
    w->latencies[w->latency_count++] = latency;
}

static int send_pending(struct connection *c) {
    while (c->out_sent < c->out_length) {
        ssize_t n = write(c->fd, c->out + c->out_sent, c->out_length - c->out_sent);
        if (n < 0 && errno == EAGAIN) return 0;
        if (n <= 0) die("write");
        c->out_sent += (size_t)n;
    }
    return 1;
}

static void start_request(struct connection *c, double at) {
    next_request(c);
    c->scheduled[(c->oldest + c->in_flight) % MAX_DEPTH] = at;
    c->in_flight++;
    c->sent++;
    send_pending(c);
}

static void *drive(void *argument) {
    struct worker *w = argument;
    struct connection *all = calloc((size_t)w->count, sizeof *all);
    int poller = epoll_create1(EPOLL_CLOEXEC);
    if (!all || poller < 0) die("epoll");
    double interval = rate > 0 ? (double)connections / rate : 0;
    for (int i = 0; i < w->count; i++) {
        struct connection *c = &all[i];
        c->index = w->first + i;
        c->fd = connect_socket();
    }
    // The set-up, a request in flight on each of the thread's connections at a time, so that
    // they share the daemon's commits: each connection's own case, with `history` signals.
    for (int s = -1; command != OPEN_CASE && s < history; s++) {
        const char *name = s < 0 ? "open-case" : "record-signal";
        char case_id[96], body[512];
        for (int i = 0; i < w->count; i++) {
            snprintf(case_id, sizeof case_id, "%s-%d", prefix, all[i].index);
            send_request(all[i].fd, name, case_id, s < 0 ? opening(body, sizeof body, case_id) : signal_body);
        }
        for (int i = 0; i < w->count; i++) {
            snprintf(case_id, sizeof case_id, "%s-%d", prefix, all[i].index);
            check_reply(all[i].fd, name, case_id);
        }
    }
    double start = now() + 0.05, end = start + seconds;
    for (int i = 0; i < w->count; i++) {
        struct connection *c = &all[i];
        struct epoll_event event = {.events = EPOLLIN, .data.ptr = c};
        if (epoll_ctl(poller, EPOLL_CTL_ADD, c->fd, &event) != 0) die("epoll_ctl");
        // Spread the connections' schedules evenly over one interval.
        c->next_due = start + interval * (double)c->index / (double)connections;
    }
    while (now() < start) usleep(1000);
    if (rate == 0) for (int i = 0; i < w->count; i++) for (int d = 0; d < depth; d++) start_request(&all[i], now());
    struct epoll_event events[256];
    for (;;) {
        double t = now();
        int busy = 0;
        double soonest = end;
        for (int i = 0; i < w->count; i++) {
            struct connection *c = &all[i];
            if (c->in_flight) { busy = 1; continue; }
            if (rate > 0 && c->next_due < end) {
                if (c->next_due <= t) {
                    start_request(c, c->next_due);
                    c->next_due += interval;
                    busy = 1;
                } else if (c->next_due < soonest) soonest = c->next_due;
            }
        }
        if (!busy && (rate == 0 || t >= end || soonest >= end)) break;
        // Wait for a reply or, at a fixed rate, exactly until the next request is due (epoll_pwait2
        // takes nanoseconds: a millisecond tick would send late, or spin).
        double wait = rate > 0 ? soonest - t : 1;
        if (wait < 0) wait = 0;
        struct timespec timeout = {.tv_sec = (time_t)wait, .tv_nsec = (long)((wait - (double)(time_t)wait) * 1e9)};
        int ready = epoll_pwait2(poller, events, 256, &timeout, NULL);
        if (ready < 0 && errno != EINTR) die("epoll_wait");
        for (int e = 0; e < ready; e++) {
            struct connection *c = events[e].data.ptr;
            ssize_t n = read(c->fd, c->in + c->in_length, sizeof c->in - c->in_length - 1);
            if (n <= 0) { fprintf(stderr, "the daemon closed connection %d\n", c->index); exit(2); }
            c->in_length += (size_t)n;
            char *line_end;
            while ((line_end = memchr(c->in, '\n', c->in_length))) {  // pipelined: several replies may have come
                double answered = now();
                *line_end = 0;
                if (!strstr(c->in, "\"ok\":true")) {
                    if (w->errors++ == 0) fprintf(stderr, "first error: %s\n", c->in);
                }
                size_t rest = c->in_length - (size_t)(line_end + 1 - c->in);
                memmove(c->in, line_end + 1, rest);
                c->in_length = rest;
                double scheduled = c->scheduled[c->oldest];
                c->oldest = (c->oldest + 1) % MAX_DEPTH;
                c->in_flight--;
                c->answered++;
                record(w, answered - scheduled);
                if (trace) {
                    pthread_mutex_lock(&trace_lock);
                    fprintf(trace, "%.6f %.0f\n", scheduled + wall_offset, (answered - scheduled) * 1e6);
                    pthread_mutex_unlock(&trace_lock);
                }
                if (rate == 0 && answered < end) start_request(c, answered);
            }
        }
    }
    for (int i = 0; i < w->count; i++) close(all[i].fd);
    free(all);
    close(poller);
    return NULL;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *name = argv[i], *value = argv[i + 1];
        if (!strcmp(name, "--socket")) socket_path = value;
        else if (!strcmp(name, "--connections")) connections = atoi(value);
        else if (!strcmp(name, "--threads")) threads = atoi(value);
        else if (!strcmp(name, "--seconds")) seconds = atof(value);
        else if (!strcmp(name, "--rate")) rate = atof(value);
        else if (!strcmp(name, "--prefix")) prefix = value;
        else if (!strcmp(name, "--command")) command = !strcmp(value, "risk") ? RISK : !strcmp(value, "signal") ? SIGNAL : OPEN_CASE;
        else if (!strcmp(name, "--history")) history = atoi(value);
        else if (!strcmp(name, "--depth")) depth = atoi(value);
        else if (!strcmp(name, "--unique-names")) unique_names = atoi(value);
        else if (!strcmp(name, "--trace")) { trace = fopen(value, "w"); if (!trace) die(value); }
        else { fprintf(stderr, "unknown option %s\n", name); return 2; }
    }
    if (!socket_path || connections < 1 || threads < 1 || depth < 1 || depth > MAX_DEPTH || (depth > 1 && rate > 0)) {
        fprintf(stderr, "usage: spoor-load --socket PATH [--connections N] [--threads N] [--seconds S] [--command open-case|risk|signal] [--rate R] [--prefix P] [--history N] [--depth D (1 to 64, closed loop)] [--unique-names 0|1]\n");
        return 2;
    }
    if (threads > connections) threads = connections;
    struct worker *workers = calloc((size_t)threads, sizeof *workers);
    for (int t = 0, first = 0; t < threads; t++) {
        workers[t].first = first;
        workers[t].count = connections / threads + (t < connections % threads);
        first += workers[t].count;
    }
    struct timespec real, mono;
    clock_gettime(CLOCK_REALTIME, &real);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    wall_offset = (double)(real.tv_sec - mono.tv_sec) + (double)(real.tv_nsec - mono.tv_nsec) / 1e9;
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    double started = now();
    for (int t = 0; t < threads; t++) pthread_create(&workers[t].thread, NULL, drive, &workers[t]);
    size_t total = 0;
    uint64_t errors = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(workers[t].thread, NULL);
        total += workers[t].latency_count;
        errors += workers[t].errors;
    }
    getrusage(RUSAGE_SELF, &after);
    double *all = malloc((total ? total : 1) * sizeof(double));
    for (int t = 0, at = 0; t < threads; t++) {
        memcpy(all + at, workers[t].latencies, workers[t].latency_count * sizeof(double));
        at += (int)workers[t].latency_count;
    }
    qsort(all, total, sizeof(double), compare);
    double cpu = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec)
               + (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
    (void)started;
    printf("requests=%zu seconds=%.2f rate=%.0f p50_us=%.0f p99_us=%.0f max_us=%.0f errors=%llu client_cpu_us=%.1f\n", total, seconds,
           (double)total / seconds, total ? all[total / 2] * 1e6 : 0, total ? all[(size_t)((double)total * 0.99)] * 1e6 : 0,
           total ? all[total - 1] * 1e6 : 0, (unsigned long long)errors, total ? cpu / (double)total * 1e6 : 0);
    if (trace) fclose(trace);
    return errors ? 1 : 0;
}
