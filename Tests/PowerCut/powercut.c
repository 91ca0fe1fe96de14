// An LD_PRELOAD shim that records every write the daemon makes to its store's data file, and
// every moment those writes became durable (fdatasync/fsync returned, or a write on an O_DSYNC
// descriptor returned), into POWERCUT_LOG. From the record, replay.py builds the file as a power
// cut at the moment of a SIGKILL would have left it: what was durable, plus any subset of later
// writes. A SIGKILL alone keeps the page cache and cannot show a missing sync.
//
// Record: 'W' u8 durable · u64 offset · u32 length · bytes  |  'S' (all earlier writes durable).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int log_fd = -1;
static int tracked[1024];  // 1: the data file, 2: the data file opened O_DSYNC

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static int (*real_fdatasync)(int);
static int (*real_fsync)(int);
static int (*real_open)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);

static void setup(void) {
    if (real_write) return;
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_pwritev = dlsym(RTLD_NEXT, "pwritev");
    real_writev = dlsym(RTLD_NEXT, "writev");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_open = dlsym(RTLD_NEXT, "open");
    real_openat = dlsym(RTLD_NEXT, "openat");
    const char *path = getenv("POWERCUT_LOG");
    if (path) log_fd = real_open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

static void emit(const void *bytes, size_t length) {
    const char *p = bytes;
    while (length > 0) {
        ssize_t n = real_write(log_fd, p, length);
        if (n <= 0) abort();  // a record lost would make the replay lie
        p += n;
        length -= (size_t)n;
    }
}

static void record_write(int fd, off_t offset, const struct iovec *iov, int count, ssize_t written) {
    if (log_fd < 0 || fd < 0 || fd >= 1024 || !tracked[fd] || written <= 0) return;
    pthread_mutex_lock(&lock);
    size_t left = (size_t)written;
    for (int i = 0; i < count && left > 0; i++) {
        size_t length = iov[i].iov_len < left ? iov[i].iov_len : left;
        uint8_t durable = tracked[fd] == 2;
        uint64_t at = (uint64_t)offset;
        uint32_t len = (uint32_t)length;
        emit("W", 1); emit(&durable, 1); emit(&at, 8); emit(&len, 4); emit(iov[i].iov_base, length);
        offset += (off_t)length;
        left -= length;
    }
    pthread_mutex_unlock(&lock);
}

static void record_sync(int fd) {
    if (log_fd < 0 || fd < 0 || fd >= 1024 || !tracked[fd]) return;
    pthread_mutex_lock(&lock);
    emit("S", 1);
    pthread_mutex_unlock(&lock);
}

static void track(int fd, const char *path, int flags) {
    const char *suffix = "/data.mdb";
    size_t n = strlen(path), m = strlen(suffix);
    if (fd >= 0 && fd < 1024 && n >= m && strcmp(path + n - m, suffix) == 0) tracked[fd] = (flags & O_DSYNC) ? 2 : 1;
}

int open(const char *path, int flags, ...) {
    setup();
    va_list args; va_start(args, flags); mode_t mode = va_arg(args, mode_t); va_end(args);
    int fd = real_open(path, flags, mode);
    track(fd, path, flags);
    return fd;
}
int open64(const char *path, int flags, ...) __attribute__((alias("open")));

int openat(int dir, const char *path, int flags, ...) {
    setup();
    va_list args; va_start(args, flags); mode_t mode = va_arg(args, mode_t); va_end(args);
    int fd = real_openat(dir, path, flags, mode);
    track(fd, path, flags);
    return fd;
}

int close(int fd) {
    static int (*real_close)(int);
    if (!real_close) real_close = dlsym(RTLD_NEXT, "close");
    if (fd >= 0 && fd < 1024) tracked[fd] = 0;
    return real_close(fd);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    setup();
    ssize_t n = real_pwrite(fd, buffer, count, offset);
    struct iovec iov = { (void *)buffer, count };
    record_write(fd, offset, &iov, 1, n);
    return n;
}
ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) __attribute__((alias("pwrite")));

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) {
    setup();
    ssize_t n = real_pwritev(fd, iov, count, offset);
    record_write(fd, offset, iov, count, n);
    return n;
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
    setup();
    off_t offset = (fd >= 0 && fd < 1024 && tracked[fd]) ? lseek(fd, 0, SEEK_CUR) : 0;
    ssize_t n = real_writev(fd, iov, count);
    record_write(fd, offset, iov, count, n);
    return n;
}

ssize_t write(int fd, const void *buffer, size_t count) {
    setup();
    off_t offset = (fd >= 0 && fd < 1024 && tracked[fd]) ? lseek(fd, 0, SEEK_CUR) : 0;
    ssize_t n = real_write(fd, buffer, count);
    struct iovec iov = { (void *)buffer, count };
    record_write(fd, offset, &iov, 1, n);
    return n;
}

int fdatasync(int fd) { setup(); int r = real_fdatasync(fd); if (r == 0) record_sync(fd); return r; }
int fsync(int fd) { setup(); int r = real_fsync(fd); if (r == 0) record_sync(fd); return r; }
