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

#endif
