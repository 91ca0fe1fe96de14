import Crypto
import Foundation
import SpoorLedger
import Synchronization

/// Each case's data key: made when the case opens, stored wrapped beside its events, unwrapped
/// on first use and kept in memory until the case is erased.
final class CaseKeys: Sendable {
    private let ledger: Ledger
    private let master: MasterKey
    private let cache = Mutex<[StreamName: [UInt8]]>([:])

    init(ledger: Ledger, master: MasterKey) {
        self.ledger = ledger
        self.master = master
    }

    /// A new key for a new case, and the wrapped form the append stores with the case's first event.
    func make(for stream: StreamName) throws -> (key: [UInt8], change: StreamKeyChange) {
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        return (key, .create(wrapped: try master.wrap(key, for: stream)))
    }

    /// The case's key, or `nil` when it has none (erased). A stored key the master key does not
    /// open fails this case alone, with an error that says so.
    func key(for stream: StreamName) throws -> [UInt8]? {
        if let key = cache.withLock({ $0[stream] }) { return key }
        guard let wrapped = try ledger.wrappedKey(of: stream) else { return nil }
        do {
            let key = try master.unwrap(wrapped, for: stream)
            cache.withLock { $0[stream] = key }
            return key
        } catch {
            throw SealingError.keyDamaged(stream)
        }
    }

    /// Forgets the case's key: after erasure nothing may open its content, not even from memory.
    func forget(_ stream: StreamName) { _ = cache.withLock { $0.removeValue(forKey: stream) } }
}

/// Why personal content could not be sealed or opened.
enum SealingError: Error, CustomStringConvertible {
    case keyDamaged(StreamName)
    case contentDamaged(position: UInt64)

    var description: String {
        switch self {
        case .keyDamaged(let stream): "the data key of \(stream) does not open with the master key: it is damaged or was wrapped by another key"
        case .contentDamaged(let position): "the sealed content of event \(position) does not open: it is damaged"
        }
    }
}
