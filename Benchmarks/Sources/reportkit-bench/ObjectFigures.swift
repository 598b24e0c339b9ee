import Foundation
import ReportAdapters
import ReportKit

/// A large object through the file store: a put from a file, then chunked reads hashed as
/// they arrive; with the process's peak resident memory, which stays far below the object.
func objectFigures(directory: String, megabytes: Int) async throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let source = directory + "/source.bin"
    let piece = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) })
    FileManager.default.createFile(atPath: source, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: source))
    for _ in 0..<megabytes { handle.write(piece) }
    try handle.close()
    let store = FileObjectStore(root: directory + "/store")
    let clock = ContinuousClock()
    var start = clock.now
    try await store.put("big/object.bin", fileAt: source, contentType: nil)
    let putSeconds = elapsedSeconds(since: start, clock)
    start = clock.now
    var hasher = SHA256()
    var total = 0
    for try await chunk in store.chunks("big/object.bin", size: 1 << 20) {
        hasher.update(chunk)
        total += chunk.count
    }
    let readSeconds = elapsedSeconds(since: start, clock)
    let peakMiB = peakResidentMiB()
    print("file store, \(megabytes) MiB object: put from a file \(throughput(megabytes << 20, putSeconds)); chunked read (1 MiB) and SHA-256 \(throughput(total, readSeconds)); peak RSS \(peakMiB) MiB")
    try? FileManager.default.removeItem(atPath: directory)
}

private func elapsedSeconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Small puts and gets through the file store, the way a pipeline step writes its outputs
/// (16 files of 20 KB under a six-folder prefix), against plain path-based atomic writes and
/// reads: what opening every folder without following links costs.
func smallObjectFigures(directory: String, rounds: Int) async throws {
    let store = FileObjectStore(root: directory + "/store")
    let prefix: ObjectPrefix = "intermediate/yellow/out/version=1/edition=1/lambda_invoker/"
    let data = Data(repeating: UInt8(ascii: "x"), count: 20_000)
    let keys = try (0..<16).map { try prefix.appending(String(format: "%02d.json", $0)) }
    try FileManager.default.createDirectory(atPath: directory + "/plain/" + prefix.text, withIntermediateDirectories: true)
    let clock = ContinuousClock()
    var storeTime = Duration.zero, plainTime = Duration.zero, storeRead = Duration.zero, plainRead = Duration.zero
    for _ in 0..<rounds {
        var start = clock.now
        for key in keys { try await store.put(key, data) }
        storeTime += clock.now - start
        start = clock.now
        for key in keys { try AtomicFile.write(data, to: directory + "/plain/" + key.text, durable: false) }
        plainTime += clock.now - start
        start = clock.now
        for key in keys { _ = try await store.get(key) }
        storeRead += clock.now - start
        start = clock.now
        for key in keys { _ = try AtomicFile.readBytes(directory + "/plain/" + key.text) }
        plainRead += clock.now - start
    }
    func perCall(_ total: Duration) -> String {
        String(format: "%.1f µs", (Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18) / Double(rounds * keys.count) * 1e6)
    }
    print("file store, 20 KB objects six folders deep: put \(perCall(storeTime)) (path-based atomic write \(perCall(plainTime))), get \(perCall(storeRead)) (path-based read \(perCall(plainRead)))")
    try? FileManager.default.removeItem(atPath: directory)
}

/// A large object through S3 (a local server such as moto at `endpoint`): a put from a file,
/// then chunked reads; with the process's peak resident memory.
func s3ObjectFigures(endpoint: URL, megabytes: Int, directory: String) async throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let source = directory + "/source.bin"
    let piece = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) })
    FileManager.default.createFile(atPath: source, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: source))
    for _ in 0..<megabytes { handle.write(piece) }
    try handle.close()
    let client = AWSClient(
        service: "s3",
        configuration: AWSConfiguration(credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1", endpoint: endpoint),
        transport: URLSessionTransport(), clock: SystemClock(), timeout: 600)
    let bucket = "bench-\(UInt32.random(in: 0...UInt32.max))"
    _ = try await client.send("CreateBucket", method: "PUT", base: endpoint, path: "/\(bucket)")
    let store = try S3ObjectStore(url: "s3://\(bucket)/bench", client: client)
    let clock = ContinuousClock()
    var start = clock.now
    try await store.put("big/object.bin", fileAt: source, contentType: nil)
    let putSeconds = elapsedSeconds(since: start, clock)
    let peakAfterPut = peakResidentMiB()
    start = clock.now
    var total = 0
    let chunkMiB = Int(ProcessInfo.processInfo.environment["CHUNK_MIB"] ?? "") ?? 8
    for try await chunk in store.chunks("big/object.bin", size: chunkMiB << 20) { total += chunk.count }
    let readSeconds = elapsedSeconds(since: start, clock)
    print("S3 at \(endpoint.absoluteString), \(megabytes) MiB object: put from a file \(throughput(megabytes << 20, putSeconds)) (peak RSS \(peakAfterPut) MiB); chunked read (\(chunkMiB) MiB) \(throughput(total, readSeconds)); peak RSS \(peakResidentMiB()) MiB")
    try await store.delete("big/object.bin")
}

/// This process's peak resident memory so far.
func peakResidentMiB() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss / 1024  // KiB on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss / 1_048_576  // bytes on Darwin
    #endif
}
