import Foundation

/// The moment in the names of the files and folders the timer jobs keep (backups, checkpoints):
/// `20261130T171233Z`, UTC, so that names sort by time.
public enum UTCStamp {
    /// The moment now, as `yyyyMMdd'T'HHmmss'Z'`, UTC.
    public static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}
