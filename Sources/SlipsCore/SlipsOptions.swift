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

    /// Checks the ranges: slip delta at least 1 day, horizon 0 hours or more.
    public func validate() throws(SlipsError) {
        guard slipDelta >= 1 else {
            throw SlipsError.badOption(name: "slip delta", problem: "must be 1 day or more, got \(slipDelta)")
        }
        guard horizonHours >= 0 else {
            throw SlipsError.badOption(name: "horizon", problem: "must be 0 hours or more, got \(horizonHours)")
        }
    }
}
