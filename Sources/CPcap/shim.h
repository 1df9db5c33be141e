// libpcap for reading pcap/pcapng captures and live sniffing (Debian libpcap-dev).
#ifndef UPLINK_CPCAP_SHIM_H
#define UPLINK_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
