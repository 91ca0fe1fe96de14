import Metrics
import SpoorProtocol
import Synchronization

/// The instruments every request and command touches, made once: swift-metrics looks a metric
/// up in the registry under a lock each time one is made, which a request should not pay for.
final class RequestMetrics: Sendable {
    private let durations: [SpoorProtocol.Method: Metrics.Timer]
    private let answered: [SpoorProtocol.Method: Counter]
    private let recorded = Mutex<[String: Counter]>([:])

    init() {
        let methods = SpoorProtocol.Method.allCases
        durations = Dictionary(
            uniqueKeysWithValues: methods.map {
                ($0, Metrics.Timer(label: "spoor_request_duration_seconds", dimensions: [("method", $0.rawValue)]))
            })
        answered = Dictionary(
            uniqueKeysWithValues: methods.map {
                ($0, Counter(label: "spoor_requests_total", dimensions: [("method", $0.rawValue), ("outcome", "ok")]))
            })
    }

    /// A request answered, with `failure` the error code it was answered with, if any.
    func request(_ method: SpoorProtocol.Method, took duration: Duration, failure: ErrorCode?) {
        durations[method]?.record(duration: duration)
        if let failure {
            Counter(label: "spoor_requests_total", dimensions: [("method", method.rawValue), ("outcome", failure.rawValue)]).increment()
        } else {
            answered[method]?.increment()
        }
    }

    /// A domain command decided on, by its wire name (the domain knows every name that gets here).
    func command(_ name: String, failure: ErrorCode?) {
        if let failure {
            return Counter(label: "spoor_commands_total", dimensions: [("command", name), ("outcome", failure.rawValue)]).increment()
        }
        recorded.withLock { counters in
            if counters[name] == nil {
                counters[name] = Counter(label: "spoor_commands_total", dimensions: [("command", name), ("outcome", "recorded")])
            }
            return counters[name]!
        }.increment()
    }
}
