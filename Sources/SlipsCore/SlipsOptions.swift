/// How a slips run behaves.
public struct SlipsOptions: Sendable, Hashable {
    /// How far back a run looks at most, in hours (default 336: two weeks).
    public var horizonHours: Int
    /// The smallest move, in days, reported as a slip or improvement (default 30).
    public var slipDelta: Int
    /// Build the payload but send nothing and leave the store untouched.
    public var dryRun: Bool
    /// Log the pretty payload once (at info level).
    public var logPayload: Bool
    /// The notification service's message group.
    public var messageGroupName: String
    /// The metrics namespace.
    public var metricsNamespace: String

    public init(
        horizonHours: Int = 336, slipDelta: Int = 30, dryRun: Bool = false, logPayload: Bool = false,
        messageGroupName: String = "region-slips", metricsNamespace: String = "ReportKit/Slips"
    ) {
        self.horizonHours = horizonHours
        self.slipDelta = slipDelta
        self.dryRun = dryRun
        self.logPayload = logPayload
        self.messageGroupName = messageGroupName
        self.metricsNamespace = metricsNamespace
    }

    /// The longest horizon: 10,000 years of 8,760 hours, the span timestamps cover.
    public static let horizonHoursRange = 0...87_600_000

    /// Checks the ranges: slip delta at least 1 day, horizon 0 to 87,600,000 hours.
    public func validate() throws(SlipsError) {
        guard slipDelta >= 1 else {
            throw SlipsError.badOption(name: "slip delta", problem: "must be 1 day or more, got \(slipDelta)")
        }
        guard Self.horizonHoursRange.contains(horizonHours) else {
            throw SlipsError.badOption(name: "horizon", problem: "must be 0 to \(Self.horizonHoursRange.upperBound) hours, got \(horizonHours)")
        }
    }
}
