import ReportKit

/// Reads the members of one JSON object of a stored record (a manifest, the runs index),
/// each error naming the member's path (`reports[1].files[0].bytes`).
struct RecordReader {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, path: String) throws(RunRecordError) {
        guard let object = value.objectValue else {
            throw RunRecordError(field: path.isEmpty ? "(top)" : path, problem: "expected an object, found \(value.kindDescription)")
        }
        self.object = object
        self.path = path
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func problem(_ key: String, _ text: String) -> RunRecordError {
        RunRecordError(field: field(key), problem: text)
    }

    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws(RunRecordError) -> String {
        guard let text = try optionalString(key) else { throw problem(key, "missing") }
        return text
    }

    func optionalString(_ key: String) throws(RunRecordError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw problem(key, "expected a string, found \(value.kindDescription)") }
        return text
    }

    func number(_ key: String) throws(RunRecordError) -> Double {
        guard let value = value(key) else { throw problem(key, "missing") }
        guard let number = value.numberValue else { throw problem(key, "expected a number, found \(value.kindDescription)") }
        return number
    }

    func integer(_ key: String) throws(RunRecordError) -> Int {
        guard let value = value(key) else { throw problem(key, "missing") }
        guard let number = value.intValue else { throw problem(key, "expected a whole number, found \(value.kindDescription)") }
        return number
    }

    func bool(_ key: String, default fallback: Bool) throws(RunRecordError) -> Bool {
        guard let value = value(key) else { return fallback }
        guard let flag = value.boolValue else { throw problem(key, "expected true or false, found \(value.kindDescription)") }
        return flag
    }

    func array(_ key: String) throws(RunRecordError) -> [JSONValue] {
        guard let value = value(key) else { return [] }
        guard let elements = value.arrayValue else { throw problem(key, "expected an array, found \(value.kindDescription)") }
        return elements
    }

    /// Each element of the array `key` read by `read`, with its path.
    func each<T>(_ key: String, _ read: (JSONValue, String) throws(RunRecordError) -> T) throws(RunRecordError) -> [T] {
        var result: [T] = []
        for (index, element) in try array(key).enumerated() {
            result.append(try read(element, "\(field(key))[\(index)]"))
        }
        return result
    }

    func day(_ key: String) throws(RunRecordError) -> CalendarDay {
        let text = try string(key)
        do { return try CalendarDay(text) } catch { throw problem(key, error.message) }
    }

    func key(_ name: String) throws(RunRecordError) -> ObjectKey {
        let text = try string(name)
        do { return try ObjectKey(text) } catch { throw problem(name, error.message) }
    }

    func folder(_ name: String) throws(RunRecordError) -> ReportFolder {
        let text = try string(name)
        do { return try ReportFolder(reportName: text) } catch { throw problem(name, error.description) }
        }

    func status(_ name: String) throws(RunRecordError) -> ReportStatus {
        let text = try string(name)
        guard let status = ReportStatus(rawValue: text) else { throw problem(name, "'\(text)' is not ok, warn or failed") }
        return status
    }

    /// A kind as written: a built-in kind's word, else an embedder's name.
    func kind(_ name: String) throws(RunRecordError) -> ReportKind {
        let text = try string(name)
        return ReportKind(name: text) ?? .custom(text)
    }
}
