/// A column's state once it holds too many distinct values to keep them all: sketches
/// of the distinct count, the frequent values and the quantiles, beside figures that stay
/// exact on any input (counts per form, moments, minimum, maximum, lengths, booleans).
///
/// Numbers and instants have their own distinct and frequency sketches keyed by the typed
/// value (so `1.0` and `1` are one number), kept only while the column can still be of
/// that type; text keys are the raw bytes, kept only when the column can be text (it has
/// no declared type, or text), as are the lengths.
struct ColumnSketch: Sendable {
    struct Keyed: Sendable {
        var distinct: HyperLogLog
        var frequent: FrequentValues

        init(_ limits: ProfileLimits) {
            distinct = HyperLogLog(precision: limits.distinctPrecision)
            frequent = FrequentValues(capacity: limits.frequentCapacity)
        }

        /// `hash` must be ``ByteHash/hash(_:)-(UnsafeRawBufferPointer)`` of `bytes`: merged sketches agree on it.
        mutating func add(_ bytes: UnsafeRawBufferPointer, hash: UInt64, weight: Int) {
            distinct.add(hash: hash)
            frequent.add(bytes, hash: ByteCountTable.hash(of: bytes, byteHash: hash), weight: weight)
        }

        mutating func merge(_ other: Keyed) {
            distinct.merge(other.distinct)
            frequent.merge(other.frequent)
        }
    }

    var raw: Keyed?
    var numeric: Keyed?
    var instant: Keyed?
    var quantiles: QuantileSketch?
    var moments = Moments()
    var integerMin = Int64.max, integerMax = Int64.min
    var numberMin = Double.infinity, numberMax = -Double.infinity
    var instantMin = Int64.max, instantMax = Int64.min
    var trues = 0, falses = 0
    var lengthMin = Int.max, lengthMax = 0, lengthTotal = 0

    init(limits: ProfileLimits, possible: PossibleTypes) {
        if possible.text { raw = Keyed(limits) }
        if possible.numeric {
            numeric = Keyed(limits)
            quantiles = QuantileSketch(k: limits.quantileK)
        }
        if possible.instant { instant = Keyed(limits) }
    }

    /// Adds `weight` occurrences of `bytes`, whose form is `form`.
    mutating func add(_ bytes: UnsafeRawBufferPointer, form: ValueForms, weight: Int, possible: PossibleTypes) {
        if raw != nil {
            raw!.add(bytes, hash: ByteHash.hash(bytes), weight: weight)
            let length = CodePoints.count(bytes)
            lengthMin = Swift.min(lengthMin, length)
            lengthMax = Swift.max(lengthMax, length)
            lengthTotal += length * weight
        }
        if !possible.numeric, numeric != nil { numeric = nil; quantiles = nil }
        if !possible.instant, instant != nil { instant = nil }
        switch form {
        case .integer, .decimal:
            guard numeric != nil else { return }
            if form == .integer, let whole = ValueForm.integer(bytes) {
                addInteger(whole, weight: weight)
            } else if let number = ValueForm.number(bytes, form: form) {
                addNumber(number, weight: weight)
            }
        case .date, .timestamp:
            guard instant != nil else { return }
            addInstant(form == .date ? ValueForm.date(bytes)! * 86_400_000_000 : ValueForm.timestamp(bytes)!, weight: weight)
        case .boolean:
            if ValueForm.boolean(bytes)! { trues += weight } else { falses += weight }
        default:
            break
        }
    }

    /// Adds `weight` occurrences of a ``TypedKeys`` key of a column declared `type`: the
    /// same as ``add(_:form:weight:possible:)`` of the value's bytes.
    mutating func add(key: UInt64, of type: ColumnType, weight: Int) {
        switch type {
        case .integer: addInteger(RadixSort.integer(key), weight: weight)
        case .number: addNumber(RadixSort.number(key), weight: weight)
        case .date: addInstant(RadixSort.integer(key) * 86_400_000_000, weight: weight)
        case .timestamp: addInstant(RadixSort.integer(key), weight: weight)
        case .boolean, .text: preconditionFailure("\(type) has no typed keys")
        }
    }

    private mutating func addInteger(_ whole: Int64, weight: Int) {
        integerMin = Swift.min(integerMin, whole)
        integerMax = Swift.max(integerMax, whole)
        addNumber(Double(whole), weight: weight)  // what ValueForm.number gives an integer
    }

    private mutating func addNumber(_ number: Double, weight: Int) {
        guard numeric != nil else { return }
        let value = number == 0 ? 0 : number  // -0.0 is 0
        numberMin = Swift.min(numberMin, value)
        numberMax = Swift.max(numberMax, value)
        moments.add(value, weight: weight)
        if weight == 1 { quantiles?.add(value) } else { quantiles?.add(value, count: weight) }
        var bits = value.bitPattern
        withUnsafeBytes(of: &bits) { numeric?.add($0, hash: ByteHash.hash($0), weight: weight) }
    }

    private mutating func addInstant(_ micros: Int64, weight: Int) {
        guard instant != nil else { return }
        instantMin = Swift.min(instantMin, micros)
        instantMax = Swift.max(instantMax, micros)
        var bits = UInt64(bitPattern: micros)
        withUnsafeBytes(of: &bits) { instant?.add($0, hash: ByteHash.hash($0), weight: weight) }
    }

    mutating func merge(_ other: ColumnSketch, possible: PossibleTypes) {
        if let theirs = other.raw { raw?.merge(theirs) }
        if possible.numeric, let theirs = other.numeric, numeric != nil {
            numeric!.merge(theirs)
            if let q = other.quantiles { quantiles?.merge(q) }
        } else {
            numeric = nil
            quantiles = nil
        }
        if possible.instant, let theirs = other.instant, instant != nil { instant!.merge(theirs) } else { instant = nil }
        moments.merge(other.moments)
        integerMin = Swift.min(integerMin, other.integerMin)
        integerMax = Swift.max(integerMax, other.integerMax)
        numberMin = Swift.min(numberMin, other.numberMin)
        numberMax = Swift.max(numberMax, other.numberMax)
        instantMin = Swift.min(instantMin, other.instantMin)
        instantMax = Swift.max(instantMax, other.instantMax)
        trues += other.trues
        falses += other.falses
        lengthMin = Swift.min(lengthMin, other.lengthMin)
        lengthMax = Swift.max(lengthMax, other.lengthMax)
        lengthTotal += other.lengthTotal
    }
}

/// Which typed sketches a column still needs: all types its declaration or its forms so far allow.
struct PossibleTypes: Sendable, Hashable {
    var numeric: Bool
    var instant: Bool
    /// Only an undeclared column or one declared text can end as text.
    var text: Bool

    init(declared: ColumnType?, forms: ValueForms) {
        text = declared == nil || declared == .text
        if let declared {
            numeric = declared == .integer || declared == .number
            instant = declared == .date || declared == .timestamp
        } else {
            numeric = forms.isSubset(of: [.integer, .decimal])
            instant = forms.isSubset(of: [.date, .timestamp])
        }
    }
}

/// Counting Unicode code points in UTF-8.
enum CodePoints {
    /// The code points of `bytes`: the bytes that do not continue a sequence (`10xxxxxx`),
    /// eight at a time: a byte continues one when its top bit is set and the next is not
    /// (the last fewer than eight as one word too, ``ByteWords/tail(_:from:)``).
    @inline(__always) static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        let length = bytes.count
        var continuing = 0
        var index = 0
        while index + 8 <= length {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuing += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        let tail = ByteWords.tail(bytes, from: index)  // zero bytes past the end continue nothing
        continuing += (tail & ~(tail << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        return length - continuing
    }
}
