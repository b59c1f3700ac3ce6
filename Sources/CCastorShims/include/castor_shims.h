#ifndef CASTOR_SHIMS_H
#define CASTOR_SHIMS_H

/// prctl(PR_SET_PDEATHSIG, signal): the kernel sends `signal` to this process when its parent dies.
/// prctl(2) is variadic, which Swift cannot call directly. Returns 0 or -1 with errno set.
int castor_set_parent_death_signal(int signal);

#include <stddef.h>
#include <sys/types.h>

/// Opens a packet socket (AF_PACKET, SOCK_DGRAM, protocol 0: it receives nothing) for sending IPv4 packets
/// straight to a MAC address; the kernel adds the link-layer header. Returns the descriptor or -1 (errno).
int castor_packet_socket(void);

/// Sends one IPv4 packet on interface `ifindex` to the link address `mac` (`mac_length` bytes, at most 8).
/// Non-blocking. Returns what sendto(2) returns.
ssize_t castor_packet_send(int fd, int ifindex, const unsigned char *mac, int mac_length, const void *packet,
                           size_t length);

// Media relay (Sources/MediaRelay): batched UDP I/O, epoll and eventfd, which Swift's Glibc module does not
// export (recvmmsg/sendmmsg need _GNU_SOURCE; epoll_event is a packed struct).
#include <stdint.h>

/// One datagram of a batch for castor_receive_datagrams and castor_send_datagrams: the caller's buffer, the
/// length, and the IPv4 peer (the source after receiving, the destination when sending), in host byte order.
struct castor_datagram {
    void *bytes;
    uint32_t capacity;  // receive: room in `bytes`
    uint32_t length;    // receive: bytes stored; send: bytes to send
    uint32_t address;   // IPv4 address
    uint16_t port;
    uint16_t truncated;  // receive: 1 when the datagram was longer than `capacity` (MSG_TRUNC)
};

/// The most datagrams one castor_receive_datagrams or castor_send_datagrams call handles.
#define CASTOR_DATAGRAM_BATCH_MAX 64

/// recvmmsg(2), non-blocking, of up to `count` datagrams (at most CASTOR_DATAGRAM_BATCH_MAX) from an IPv4 UDP
/// socket. Returns how many arrived, 0 when none is waiting, or -1 with errno set.
int castor_receive_datagrams(int fd, struct castor_datagram *datagrams, unsigned int count);

/// sendmmsg(2), non-blocking, of up to `count` datagrams (at most CASTOR_DATAGRAM_BATCH_MAX). Returns how many
/// the kernel took, from the first, or -1 with errno set when it took none.
int castor_send_datagrams(int fd, const struct castor_datagram *datagrams, unsigned int count);

/// epoll_create1(EPOLL_CLOEXEC).
int castor_epoll_create(void);
/// Watches `fd` for input (level-triggered); epoll reports `token` for it. Returns 0 or -1 (errno).
int castor_epoll_add(int epoll_fd, int fd, uint64_t token);
/// Stops watching `fd`. Returns 0 or -1 (errno).
int castor_epoll_remove(int epoll_fd, int fd);
/// epoll_wait(2): stores the tokens of up to `capacity` (at most 256) ready descriptors. Returns how many,
/// 0 on timeout or EINTR, -1 on other errors.
int castor_epoll_wait(int epoll_fd, uint64_t *tokens, int capacity, int timeout_ms);

/// A non-blocking, close-on-exec eventfd(2) for waking a thread blocked in epoll_wait.
int castor_eventfd_create(void);
/// Adds 1 to the eventfd's counter (wakes its reader). Returns 0 or -1 (errno).
int castor_eventfd_signal(int fd);
/// Resets the eventfd's counter to 0.
void castor_eventfd_drain(int fd);

/// Names the calling thread (prctl PR_SET_NAME, at most 15 bytes shown), for top -H and gdb.
int castor_set_thread_name(const char *name);

// Spawning (openssl for a self-signed certificate, and the tests' real programs): posix_spawn with the GNU file
// actions Swift's Glibc module does not export. Foundation's Process.run() over-reads /proc/self/fd entries
// on Linux (swift-corelibs-foundation PR #5472): it crashed fresh-clone test runs, and could crash a daemon.

/// Starts `path` (absolute) with `argv` (NULL-terminated) and `envp` (NULL-terminated; NULL: this process's
/// environment): stdin from descriptor `stdin_fd` (-1: inherited), stdout to `stdout_path` and stderr to
/// `stderr_path` (created or truncated; one file when the paths are equal; NULL leaves the stream inherited),
/// in `cwd` (NULL: this one), every other descriptor above 2 closed, no signal blocked and every signal at its
/// default action. Returns 0 and stores the child's pid, or an errno value.
int castor_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd, int stdin_fd,
                 const char *stdout_path, const char *stderr_path, int *pid);

#endif
