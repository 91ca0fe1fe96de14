import SpoorDomain
import SpoorProtocol

extension Day {
    /// The day a request asks about in `field`, today by default.
    static func requested(_ text: String?, field: String = "on") throws(WireError) -> Day {
        guard let text else { return .today }
        do { return try Day(parsing: text) } catch { throw WireError(.invalidField, error.description, field: field) }
    }
}
