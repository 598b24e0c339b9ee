import Foundation
import ReportKit

/// The CSV scanner's throughput on one core: a generated file with quoted fields holding
/// delimiters, doubled quotes and line breaks, numbers and text, read in 1 MiB chunks.
enum CSVBench {
    /// Writes about `megabytes` MB of CSV to `path`; returns the bytes written.
    static func generate(megabytes: Int, to path: String) throws -> Int {
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteNoPermission) }
        defer { fclose(file) }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let places = ["Bydel Gamle Oslo", "Bydel Grünerløkka", "Sentrum", "Marka", "Uten registrert adresse", "Bydel Nordre Aker"]
        let notes = ["plain note", "\"a, with comma\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "", "\"semi;colon, and\r\nCRLF\""]
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var written = 0
        let target = megabytes * 1_000_000
        buffer.append(contentsOf: "id,year,district,name,count,share,note,value\n".utf8)
        var id = 0
        while written + buffer.count < target {
            id += 1
            let random = next()
            let row = "\(id),\(2000 + Int(random % 21)),\(random >> 8 % 17 < 10 ? "0" : "")\(random >> 8 % 17),\(places[Int(random >> 16 % 6)]),"
                + "\(Int(random >> 24 % 100_000)),\(Double(random >> 40 % 10_000) / 1000),\(notes[Int(random >> 56 % 6)]),"
                + "\(Double(Int64(bitPattern: random) % 10_000_000) / 100)\n"
            buffer.append(contentsOf: row.utf8)
            if buffer.count >= 1 << 20 {
                fwrite(buffer, 1, buffer.count, file)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        fwrite(buffer, 1, buffer.count, file)
        return written + buffer.count
    }

    /// Scans `path` in 1 MiB chunks; with `numbers`, also reads columns 4, 5 and 7 as numbers.
    static func scan(_ path: String, numbers: Bool) throws -> (seconds: Double, cpuSeconds: Double, bytes: Int, records: Int, checksum: Double) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        var scanner = CSVScanner(dialect: .rfc4180, file: path, checksFieldCount: true)
        var records = 0
        var checksum = 0.0
        var bytes = 0
        let body: (CSVRecord) throws -> Void = { record in
            records += 1
            if numbers, !record.isHeader {
                checksum += (DecimalText.double(record.rawField(4)) ?? 0) + (DecimalText.double(record.rawField(5)) ?? 0) + (DecimalText.double(record.rawField(7)) ?? 0)
            } else {
                checksum += Double(record[record.count - 1].end)
            }
        }
        let cpuStart = threadCPUSeconds()
        let elapsed = try seconds {
            while true {
                let count = read(descriptor, chunk.baseAddress, chunk.count)
                if count <= 0 { break }
                bytes += count
                try scanner.feed(UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count), body)
            }
            try scanner.finish(body)
        }
        return (elapsed, threadCPUSeconds() - cpuStart, bytes, records, checksum)
    }

    /// The CPU time this thread has used: on a shared machine, the time the work took on one core.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
