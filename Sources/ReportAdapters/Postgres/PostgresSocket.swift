import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking POSIX stream socket to a server (TCP or a Unix socket), waited on with
/// `poll` so that every read and write has a deadline.
final class PostgresSocket: PostgresByteStream {
    let descriptor: Int32
    private var closed = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    /// Connects to `endpoint` before `deadline`, trying each of a host's addresses in turn.
    /// - Throws: ``PostgresError/Reason/connectFailed(_:)`` with the last address's reason.
    static func connect(to endpoint: PostgresEndpoint, deadline: ContinuousClock.Instant) throws(PostgresError) -> PostgresSocket {
        switch endpoint {
        case .socket:
            let path = endpoint.socketPath ?? ""
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let capacity = MemoryLayout.size(ofValue: address.sun_path)
            guard path.utf8.count < capacity else {
                throw PostgresError(.connectFailed("the socket path \(path) is longer than \(capacity - 1) bytes"))
            }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: path.utf8)
                raw[path.utf8.count] = 0
            }
            return try withUnsafeBytes(of: &address) { raw throws(PostgresError) in
                try attempt(family: AF_UNIX, address: raw.baseAddress!.assumingMemoryBound(to: sockaddr.self),
                            length: socklen_t(MemoryLayout<sockaddr_un>.size), deadline: deadline, name: path)
            }
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = streamType
            hints.ai_flags = AI_ADDRCONFIG
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0, let first = list else {
                throw PostgresError(.connectFailed("cannot resolve host \"\(host)\": \(String(cString: gai_strerror(status)))"))
            }
            defer { freeaddrinfo(list) }
            var lastError = PostgresError(.connectFailed("host \"\(host)\" has no address"))
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let current = entry {
                do {
                    return try attempt(family: current.pointee.ai_family, address: current.pointee.ai_addr,
                                       length: current.pointee.ai_addrlen, deadline: deadline, name: "\(host):\(port)")
                } catch {
                    lastError = error
                }
                entry = current.pointee.ai_next
            }
            throw lastError
        }
    }

    private static func attempt(
        family: Int32, address: UnsafePointer<sockaddr>, length: socklen_t, deadline: ContinuousClock.Instant, name: String
    ) throws(PostgresError) -> PostgresSocket {
        let fd = socket(family, streamType, 0)
        guard fd >= 0 else { throw PostgresError(.connectFailed("socket(): \(String(cString: strerror(errno)))")) }
        let socket = PostgresSocket(descriptor: fd)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        if family != AF_UNIX {
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        #if canImport(Glibc)
        let result = Glibc.connect(fd, address, length)
        #else
        let result = Darwin.connect(fd, address, length)
        #endif
        if result != 0 {
            guard errno == EINPROGRESS || errno == EAGAIN else {
                throw PostgresError(.connectFailed("\(name): \(String(cString: strerror(errno)))"))
            }
            do {
                try socket.wait(for: Int16(POLLOUT), deadline: deadline)
            } catch {
                throw PostgresError(.connectFailed("\(name): no answer before the connect time-out"))
            }
            var failure: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &size)
            guard failure == 0 else { throw PostgresError(.connectFailed("\(name): \(String(cString: strerror(failure)))")) }
        }
        return socket
    }

    /// Waits until the socket is ready for `events` or `deadline` passes.
    func wait(for events: Int16, deadline: ContinuousClock.Instant?) throws {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { throw PostgresDeadlinePassed() }
                let (seconds, attoseconds) = left.components
                timeout = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, timeout)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw PostgresSocketFailure(String(cString: strerror(errno))) }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?) throws -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw PostgresSocketFailure(String(cString: strerror(errno)))
            }
            try wait(for: Int16(POLLIN), deadline: deadline)
        }
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(descriptor, raw.baseAddress! + offset, raw.count - offset, Self.sendFlags)
                if sent >= 0 {
                    offset += sent
                    continue
                }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                    throw PostgresSocketFailure(String(cString: strerror(errno)))
                }
                try wait(for: Int16(POLLOUT), deadline: deadline)
            }
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }
}

/// The system's reason a socket call failed (`Connection reset by peer`).
struct PostgresSocketFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
