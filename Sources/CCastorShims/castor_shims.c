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
