import Foundation
import ReportKit

/// SHA-256, HMAC and PBKDF2 throughput in process, one core.
func hashingFigures(megabytes: Int) {
    let piece = [UInt8]((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    var digest: [UInt8] = []
    let startCPU = clock()
    let hashSeconds = seconds {
        var hasher = SHA256()
        for _ in 0..<megabytes { hasher.update(piece) }
        digest = hasher.finalize()
    }
    // CPU time as well as wall time: on a shared machine the wall figure says more about the neighbours.
    let cpuSeconds = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
    print("SHA-256, \(megabytes) MiB fed 1 MiB at a time: \(throughput(megabytes << 20, hashSeconds)) wall, \(throughput(megabytes << 20, cpuSeconds)) of CPU time (\(Hex.encode(digest.prefix(4)))…)")
    let smallSeconds = seconds {
        for index in 0..<100_000 { digest = HMACSHA256.authenticate(Array("message \(index)".utf8), key: digest) }
    }
    print(String(format: "HMAC-SHA256 of short messages: %.2f µs each", smallSeconds / 100_000 * 1e6))
    let pbkdf2Seconds = seconds {
        digest = PBKDF2.sha256(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 4096, derivedCount: 32)
    }
    print(String(format: "PBKDF2-HMAC-SHA256, 4096 rounds (SCRAM's default): %.1f ms", pbkdf2Seconds * 1000))
}
