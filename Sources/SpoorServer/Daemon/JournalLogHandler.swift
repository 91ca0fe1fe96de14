import SpoorApplication
import Foundation
import Logging
import Synchronization

/// Log lines on stderr as journald reads them: a `<N>` syslog priority prefix, the message, then
/// the metadata as `key=value`. One line per entry, written whole. A line that cannot be written
/// (a full disk under a redirected stderr, a closed pipe to journald) is dropped and counted:
/// logging never stops the daemon.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private static let output = Mutex(())
    private static let dropped = Atomic<Int>(0)

    /// The lines that could not be written since the start.
    public static var droppedLines: Int { dropped.load(ordering: .relaxed) }

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        let text = "\(event.message)\(fields)".replacingOccurrences(of: "\n", with: " ")
        let line = "<\(Self.priority(event.level))>\(text)\n"
        let written = Self.output.withLock { _ in Self.write(line, to: STDERR_FILENO) }
        if !written { Self.dropped.add(1, ordering: .relaxed) }
    }

    /// Writes all of `text` with write(2), retrying on EINTR; false when the descriptor refuses it.
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// syslog(3) priorities: journald shows and filters by them.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
