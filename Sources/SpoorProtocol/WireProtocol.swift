/// The constants both ends agree on.
public enum WireProtocol {
    /// The version of spoord and spoorctl.
    public static let softwareVersion = "0.2.0"
    /// The protocol version every message carries as `v`.
    public static let version = 1
    /// The longest line either end accepts, newline excluded: a request holds one command, a
    /// reply at most one page of events.
    public static let maxFrameBytes = 1 << 20
    /// Where the daemon listens when nothing else is said.
    public static let defaultSocketPath = "/run/spoor/spoor.sock"
}
