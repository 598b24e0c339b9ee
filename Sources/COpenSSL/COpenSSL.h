// The system OpenSSL (Debian: libssl-dev) for the PostgreSQL source's TLS, plus the calls
// that OpenSSL spells as macros, which Swift does not import.
#ifndef COPENSSL_H
#define COPENSSL_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

// SSL_set_tlsext_host_name: the server name sent in the handshake (SNI).
static inline int copenssl_set_server_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

// SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION).
static inline int copenssl_require_tls12(SSL_CTX *ctx) {
    return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

// SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY): reads retry after renegotiation records.
static inline void copenssl_auto_retry(SSL_CTX *ctx) {
    SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY);
}

#endif
