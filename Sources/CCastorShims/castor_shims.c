// recvmmsg(2) and sendmmsg(2) are GNU extensions; the media relay's shims below need them.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "castor_shims.h"

#include <errno.h>
#include <string.h>

#ifdef __linux__
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <sys/prctl.h>
#include <sys/socket.h>

int castor_set_parent_death_signal(int signal) { return prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0); }

int castor_packet_socket(void) { return socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0); }

ssize_t castor_packet_send(int fd, int ifindex, const unsigned char *mac, int mac_length, const void *packet,
                           size_t length) {
    struct sockaddr_ll address;
    if (mac_length <= 0 || mac_length > 8) {
        errno = EINVAL;
        return -1;
    }
    memset(&address, 0, sizeof address);
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_IP);
    address.sll_ifindex = ifindex;
    address.sll_halen = (unsigned char)mac_length;
    memcpy(address.sll_addr, mac, (size_t)mac_length);
    return sendto(fd, packet, length, MSG_DONTWAIT, (struct sockaddr *)&address, sizeof address);
}
#else
int castor_set_parent_death_signal(int signal) { (void)signal; return 0; }
int castor_packet_socket(void) { errno = ENOSYS; return -1; }
ssize_t castor_packet_send(int fd, int ifindex, const unsigned char *mac, int mac_length, const void *packet,
                           size_t length) {
    (void)fd; (void)ifindex; (void)mac; (void)mac_length; (void)packet; (void)length;
    errno = ENOSYS;
    return -1;
}
#endif

#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

int castor_receive_datagrams(int fd, struct castor_datagram *datagrams, unsigned int count) {
    struct mmsghdr messages[CASTOR_DATAGRAM_BATCH_MAX];
    struct iovec vectors[CASTOR_DATAGRAM_BATCH_MAX];
    struct sockaddr_in sources[CASTOR_DATAGRAM_BATCH_MAX];
    if (count > CASTOR_DATAGRAM_BATCH_MAX) count = CASTOR_DATAGRAM_BATCH_MAX;
    for (unsigned int i = 0; i < count; i++) {
        vectors[i].iov_base = datagrams[i].bytes;
        vectors[i].iov_len = datagrams[i].capacity;
        memset(&messages[i], 0, sizeof messages[i]);
        messages[i].msg_hdr.msg_name = &sources[i];
        messages[i].msg_hdr.msg_namelen = sizeof sources[i];
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    int received;
    do {
        received = recvmmsg(fd, messages, count, MSG_DONTWAIT, NULL);
    } while (received < 0 && errno == EINTR);
    if (received < 0) return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
    for (int i = 0; i < received; i++) {
        unsigned int length = messages[i].msg_len;
        datagrams[i].length = length > datagrams[i].capacity ? datagrams[i].capacity : length;
        datagrams[i].truncated = (messages[i].msg_hdr.msg_flags & MSG_TRUNC) ? 1 : 0;
        if (messages[i].msg_hdr.msg_namelen >= sizeof(struct sockaddr_in) && sources[i].sin_family == AF_INET) {
            datagrams[i].address = ntohl(sources[i].sin_addr.s_addr);
            datagrams[i].port = ntohs(sources[i].sin_port);
        } else {
            datagrams[i].address = 0;
            datagrams[i].port = 0;
        }
    }
    return received;
}

int castor_send_datagrams(int fd, const struct castor_datagram *datagrams, unsigned int count) {
    struct mmsghdr messages[CASTOR_DATAGRAM_BATCH_MAX];
    struct iovec vectors[CASTOR_DATAGRAM_BATCH_MAX];
    struct sockaddr_in destinations[CASTOR_DATAGRAM_BATCH_MAX];
    if (count > CASTOR_DATAGRAM_BATCH_MAX) count = CASTOR_DATAGRAM_BATCH_MAX;
    for (unsigned int i = 0; i < count; i++) {
        vectors[i].iov_base = datagrams[i].bytes;
        vectors[i].iov_len = datagrams[i].length;
        memset(&destinations[i], 0, sizeof destinations[i]);
        destinations[i].sin_family = AF_INET;
        destinations[i].sin_addr.s_addr = htonl(datagrams[i].address);
        destinations[i].sin_port = htons(datagrams[i].port);
        memset(&messages[i], 0, sizeof messages[i]);
        messages[i].msg_hdr.msg_name = &destinations[i];
        messages[i].msg_hdr.msg_namelen = sizeof destinations[i];
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    int sent;
    do {
        sent = sendmmsg(fd, messages, count, MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    return sent;
}

int castor_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int castor_epoll_add(int epoll_fd, int fd, uint64_t token) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = EPOLLIN;
    event.data.u64 = token;
    return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
}

int castor_epoll_remove(int epoll_fd, int fd) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    return epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, &event);
}

int castor_epoll_wait(int epoll_fd, uint64_t *tokens, int capacity, int timeout_ms) {
    struct epoll_event events[256];
    if (capacity > 256) capacity = 256;
    int ready = epoll_wait(epoll_fd, events, capacity, timeout_ms);
    if (ready < 0) return errno == EINTR ? 0 : -1;
    for (int i = 0; i < ready; i++) tokens[i] = events[i].data.u64;
    return ready;
}

int castor_eventfd_create(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int castor_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t written;
    do {
        written = write(fd, &one, sizeof one);
    } while (written < 0 && errno == EINTR);
    // EAGAIN: the counter is at its maximum, so the reader is woken anyway.
    return (written == sizeof one || errno == EAGAIN) ? 0 : -1;
}

void castor_eventfd_drain(int fd) {
    uint64_t value;
    while (read(fd, &value, sizeof value) < 0 && errno == EINTR) {
    }
}

int castor_set_thread_name(const char *name) { return prctl(PR_SET_NAME, name, 0, 0, 0); }
#else
int castor_receive_datagrams(int fd, struct castor_datagram *datagrams, unsigned int count) {
    (void)fd; (void)datagrams; (void)count;
    errno = ENOSYS;
    return -1;
}
int castor_send_datagrams(int fd, const struct castor_datagram *datagrams, unsigned int count) {
    (void)fd; (void)datagrams; (void)count;
    errno = ENOSYS;
    return -1;
}
int castor_epoll_create(void) { errno = ENOSYS; return -1; }
int castor_epoll_add(int epoll_fd, int fd, uint64_t token) {
    (void)epoll_fd; (void)fd; (void)token;
    errno = ENOSYS;
    return -1;
}
int castor_epoll_remove(int epoll_fd, int fd) { (void)epoll_fd; (void)fd; errno = ENOSYS; return -1; }
int castor_epoll_wait(int epoll_fd, uint64_t *tokens, int capacity, int timeout_ms) {
    (void)epoll_fd; (void)tokens; (void)capacity; (void)timeout_ms;
    errno = ENOSYS;
    return -1;
}
int castor_eventfd_create(void) { errno = ENOSYS; return -1; }
int castor_eventfd_signal(int fd) { (void)fd; errno = ENOSYS; return -1; }
void castor_eventfd_drain(int fd) { (void)fd; }
int castor_set_thread_name(const char *name) { (void)name; return 0; }
#endif

#ifdef __linux__
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>

extern char **environ;

int castor_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd, int stdin_fd,
                 const char *stdout_path, const char *stderr_path, int *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    const int flags = O_WRONLY | O_CREAT | O_TRUNC;
    if (result == 0 && stdin_fd >= 0) result = posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    if (result == 0 && stdout_path != NULL)
        result = posix_spawn_file_actions_addopen(&actions, 1, stdout_path, flags, 0644);
    if (result == 0 && stderr_path != NULL) {
        if (stdout_path != NULL && strcmp(stdout_path, stderr_path) == 0)
            result = posix_spawn_file_actions_adddup2(&actions, 1, 2);
        else
            result = posix_spawn_file_actions_addopen(&actions, 2, stderr_path, flags, 0644);
    }
    if (result == 0 && cwd != NULL) result = posix_spawn_file_actions_addchdir_np(&actions, cwd);
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    if (result == 0) result = posix_spawnattr_setsigmask(&attributes, &none);
    if (result == 0) result = posix_spawnattr_setsigdefault(&attributes, &all);
    if (result == 0) result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t child = -1;
    if (result == 0) result = posix_spawn(&child, path, &actions, &attributes, argv, envp != NULL ? envp : environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (result == 0) *pid = child;
    return result;
}
#else
int castor_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd, int stdin_fd,
                 const char *stdout_path, const char *stderr_path, int *pid) {
    (void)path;
    (void)argv;
    (void)envp;
    (void)stdin_fd;
    (void)cwd;
    (void)stdout_path;
    (void)stderr_path;
    (void)pid;
    return ENOSYS;
}
#endif
