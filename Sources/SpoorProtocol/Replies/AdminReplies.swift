/// The reply to `status`: the daemon's health.
public struct StatusReply: Codable, Sendable, Equatable {
    public var version: String
    public var `protocol`: Int
    public var lastPosition: UInt64
    /// The projection is written with its events: always the log's last position.
    public var projectionPosition: UInt64
    public var undecodableEvents: Int
    public var storeBytes: Int
    public var mapBytes: Int
    public var clients: Int
    public var uptimeSeconds: Double
    /// Log lines that could not be written (a full disk, a closed pipe) and were dropped.
    public var droppedLogLines: Int
    /// Why the store accepts no writes, where it does not.
    public var writesStopped: String?

    public init(version: String, protocol: Int, lastPosition: UInt64, projectionPosition: UInt64, undecodableEvents: Int, storeBytes: Int,
                mapBytes: Int, clients: Int, uptimeSeconds: Double, droppedLogLines: Int, writesStopped: String?) {
        (self.version, self.protocol, self.lastPosition, self.projectionPosition) = (version, `protocol`, lastPosition, projectionPosition)
        (self.undecodableEvents, self.storeBytes, self.mapBytes, self.clients) = (undecodableEvents, storeBytes, mapBytes, clients)
        (self.uptimeSeconds, self.droppedLogLines, self.writesStopped) = (uptimeSeconds, droppedLogLines, writesStopped)
    }
}

/// The reply to `keys.rotate`: how many data keys were rewrapped under the new master key.
public struct RotateReply: Codable, Sendable, Equatable {
    public var rewrapped: Int
    public init(rewrapped: Int) { self.rewrapped = rewrapped }
}

/// The reply to `access.review`: the emergency read reviewed.
public struct AccessReviewReply: Codable, Sendable, Equatable {
    public var event: String
    public var `case`: String
    public var reviewed: Bool
    public init(event: String, case: String) { (self.event, self.case, self.reviewed) = (event, `case`, true) }
}
