/// The constants both ends agree on.
public enum WireProtocol {
    /// The version of spoord and spoorctl.
    public static let softwareVersion = "0.2.0"
    /// The protocol version every message carries as `v`.
    public static let version = 1
    /// The longest request line the daemon accepts, newline excluded: a request holds one command.
    public static let maxFrameBytes = 1 << 20
    /// The longest reply line a client accepts: a page of events, or one case whole, its view and
    /// its timeline: a case of 3,000 signals no longer fitted in 1 MiB (one of 1,000 did).
    public static let maxReplyBytes = 64 << 20
    /// Where the daemon listens when nothing else is said.
    public static let defaultSocketPath = "/run/spoor/spoor.sock"
}
