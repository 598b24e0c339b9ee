import COpenSSL
import Foundation

/// TLS over a connected socket, through the system OpenSSL, after the server accepted an
/// `SSLRequest`. TLS 1.2 at least. The certificate is checked as ``PostgresSSLMode`` says:
/// against `rootCertificates` (a PEM file) or the system's roots, and for `verify-full`
/// against the host name (a DNS name, or an IP address literal).
final class PostgresTLSStream: PostgresByteStream {
    private let socket: PostgresSocket
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private var closed = false

    private init(socket: PostgresSocket, context: OpaquePointer, ssl: OpaquePointer) {
        self.socket = socket
        self.context = context
        self.ssl = ssl
    }

    deinit { close() }

    /// Runs the handshake on `socket` before `deadline`.
    /// - Throws: ``PostgresError/Reason/tls(_:)`` naming what failed (the certificate check's
    ///   reason when it was the certificate).
    static func handshake(
        on socket: PostgresSocket, mode: PostgresSSLMode, rootCertificates: String?, host: String, deadline: ContinuousClock.Instant
    ) throws(PostgresError) -> PostgresTLSStream {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw PostgresError(.tls("OpenSSL: \(lastError())")) }
        _ = copenssl_require_tls12(context)
        copenssl_auto_retry(context)
        let verifies = mode == .verifyCA || mode == .verifyFull || (mode == .require && rootCertificates != nil)
        if verifies {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            if let rootCertificates {
                guard SSL_CTX_load_verify_locations(context, rootCertificates, nil) == 1 else {
                    SSL_CTX_free(context)
                    throw PostgresError(.tls("cannot read the root certificates in sslrootcert \(rootCertificates): \(lastError())"))
                }
            } else {
                SSL_CTX_set_default_verify_paths(context)
            }
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        }
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw PostgresError(.tls("OpenSSL: \(lastError())"))
        }
        let stream = PostgresTLSStream(socket: socket, context: context, ssl: ssl)
        SSL_set_fd(ssl, socket.descriptor)
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        if !isAddress { _ = copenssl_set_server_name(ssl, host) }
        if mode == .verifyFull {
            let accepted = isAddress ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host) : SSL_set1_host(ssl, host)
            guard accepted == 1 else { throw PostgresError(.tls("cannot check the certificate against host \"\(host)\"")) }
        }
        while true {
            ERR_clear_error()
            let result = SSL_connect(ssl)
            if result == 1 { return stream }
            let error = SSL_get_error(ssl, result)
            do {
                switch error {
                case SSL_ERROR_WANT_READ: try socket.wait(for: Int16(POLLIN), deadline: deadline)
                case SSL_ERROR_WANT_WRITE: try socket.wait(for: Int16(POLLOUT), deadline: deadline)
                default: throw PostgresError(.tls(stream.handshakeFailure(host: host, mode: mode)))
                }
            } catch let error as PostgresError {
                throw error
            } catch {
                throw PostgresError(.tls("the handshake did not finish before the connect time-out"))
            }
        }
    }

    /// Why the handshake failed: the certificate check's reason when it failed, else OpenSSL's.
    private func handshakeFailure(host: String, mode: PostgresSSLMode) -> String {
        let verification = SSL_get_verify_result(ssl)
        if verification != X509_V_OK {
            let reason = String(cString: X509_verify_cert_error_string(verification))
            if verification == X509_V_ERR_HOSTNAME_MISMATCH || verification == X509_V_ERR_IP_ADDRESS_MISMATCH {
                return "the server's certificate is not issued for host \"\(host)\" (\(reason); sslmode=\(mode.rawValue))"
            }
            return "the server's certificate is not trusted: \(reason) (sslmode=\(mode.rawValue))"
        }
        return "the handshake failed: \(Self.lastError())"
    }

    private static func lastError() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "no reason given" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?) throws -> Int {
        while true {
            ERR_clear_error()
            let count = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
            if count > 0 { return Int(count) }
            switch SSL_get_error(ssl, count) {
            case SSL_ERROR_WANT_READ: try socket.wait(for: Int16(POLLIN), deadline: deadline)
            case SSL_ERROR_WANT_WRITE: try socket.wait(for: Int16(POLLOUT), deadline: deadline)
            case SSL_ERROR_ZERO_RETURN: return 0
            case SSL_ERROR_SYSCALL where ERR_peek_error() == 0: return 0
            default:
                let reason = Self.lastError()
                // OpenSSL 3 reports a connection closed without close_notify as an error.
                if reason.contains("unexpected eof") { return 0 }
                throw PostgresSocketFailure("TLS: \(reason)")
            }
        }
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                ERR_clear_error()
                let written = SSL_write(ssl, raw.baseAddress! + offset, Int32(clamping: raw.count - offset))
                if written > 0 {
                    offset += Int(written)
                    continue
                }
                switch SSL_get_error(ssl, written) {
                case SSL_ERROR_WANT_READ: try socket.wait(for: Int16(POLLIN), deadline: deadline)
                case SSL_ERROR_WANT_WRITE: try socket.wait(for: Int16(POLLOUT), deadline: deadline)
                default: throw PostgresSocketFailure("TLS: \(Self.lastError())")
                }
            }
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        _ = SSL_shutdown(ssl)
        SSL_free(ssl)
        SSL_CTX_free(context)
        socket.close()
    }
}
