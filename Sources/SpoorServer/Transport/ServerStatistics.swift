import Foundation
import SpoorProtocol
import Synchronization

/// Figures about the running daemon for `status`.
final class ServerStatistics: Sendable {

    let startedAt = Date()
    private let connections = Atomic<Int>(0)
    private let nextConnection = Atomic<Int>(1)

    var openConnections: Int { connections.load(ordering: .relaxed) }

    /// Counts a new connection in, if there is room for it under `limit`, and gives it a number.
    func admit(limit: Int) -> Int? {
        let count = connections.wrappingAdd(1, ordering: .relaxed).newValue
        guard count <= limit else {
            connections.wrappingSubtract(1, ordering: .relaxed)
            return nil
        }
        return nextConnection.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    func release() { connections.wrappingSubtract(1, ordering: .relaxed) }
}
