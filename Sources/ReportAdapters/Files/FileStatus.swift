import Foundation

/// The fields of `stat` whose names differ between the C libraries (glibc's `st_mtim`,
/// Darwin's `st_mtimespec`).
enum FileStatus {
    /// The modification time: whole seconds and nanoseconds since 1970.
    static func modified(_ status: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Darwin)
        (Int(status.st_mtimespec.tv_sec), Int(status.st_mtimespec.tv_nsec))
        #else
        (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
        #endif
    }

    /// The modification time as a date.
    static func modifiedDate(_ status: stat) -> Date {
        let time = modified(status)
        return Date(timeIntervalSince1970: Double(time.seconds) + Double(time.nanoseconds) / 1e9)
    }
}
