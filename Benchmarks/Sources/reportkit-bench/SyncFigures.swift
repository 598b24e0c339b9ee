import Foundation

/// `reportcli sync` of one large file from a loopback web server (Python's `http.server`
/// serving a BLS-style listing page), as a whole process: wall time, throughput and peak
/// memory; then the same sync again, which finds nothing to fetch.
func syncFigures(reportcli: String, directory: String, megabytes: Int) throws {
    let site = directory + "/site/pub/pr"
    let store = directory + "/store"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }

    // The file: tab-separated rows, written a megabyte at a time.
    let path = site + "/pr.data.0.Current"
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var block = "series_id\tyear\tperiod\tvalue\tfootnote_codes\n"
    var row = 0
    while block.utf8.count < 1 << 20 {
        block += "PRS\(30_006_000 + row % 997)\t\(1990 + row % 36)\tQ0\(row % 4 + 1)\t\(Double(row % 10_007) / 7)\t\n"
        row += 1
    }
    let piece = Data(block.utf8)
    var size = 0
    while size < megabytes * 1_000_000 {
        handle.write(piece)
        size += piece.count
    }
    try handle.close()
    let listing = "<html><body><pre><A HREF=\"/pub/\">[To Parent Directory]</A><br><br>  8/6/2026  8:30 AM   \(size) "
        + "<A HREF=\"/pub/pr/pr.data.0.Current\">pr.data.0.Current</A><br></pre></body></html>"
    try Data(listing.utf8).write(to: URL(fileURLWithPath: site + "/index.html"))

    // The server, on a free loopback port.
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
    let port = Int(UInt16(bigEndian: address.sin_port))
    close(socket)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    server.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory + "/site"]
    server.standardError = FileHandle.nullDevice
    server.standardOutput = FileHandle.nullDevice
    try server.run()
    defer { server.terminate(); server.waitUntilExit() }
    Thread.sleep(forTimeInterval: 1.5)

    let arguments = [
        "sync", "--source", "http://127.0.0.1:\(port)/pub/pr/", "--into", "bench/pr", "--store", store, "--delay", "0",
        "--contact", "bench@example.org",
    ]
    let first = measureProcess(reportcli, arguments)
    let stored = (try? FileManager.default.attributesOfItem(atPath: store + "/bench/pr/pr.data.0.Current")[.size] as? Int) ?? -1
    print(String(
        format: "sync of a %d MB file from loopback HTTP into a directory store: %.2f s (%@), CPU %.2f s, peak RSS %.0f MiB, exit %d, stored %@",
        size / 1_000_000, first.seconds, throughput(size, first.seconds), first.cpuSeconds, first.peakMiB, first.status,
        stored == size ? "all \(size) bytes" : "\(stored) bytes (wrong)"))
    let second = measureProcess(reportcli, arguments)
    print(String(format: "sync again, nothing changed: %.3f s, peak RSS %.0f MiB, exit %d", second.seconds, second.peakMiB, second.status))
}
