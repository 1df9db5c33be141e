// OpenSSL libcrypto for the legacy RADIUS crypto (MD4, MD5, HMAC-MD5, DES, RC4, SHA-1)
// that swift-crypto does not offer. The low-level functions are deprecated in
// OpenSSL 3 but remain supported; the RFCs pin these algorithms.
#ifndef UPLINK_COPENSSL_SHIM_H
#define UPLINK_COPENSSL_SHIM_H
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/des.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md4.h>
#include <openssl/md5.h>
#include <openssl/rand.h>
#include <openssl/rc4.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#endif
