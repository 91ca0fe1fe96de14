import Crypto
import Foundation
import SpoorLedger
import SpoorProof
import Synchronization

/// Each case's data key: made when the case opens, stored wrapped beside its events, unwrapped
/// on first use and kept in memory until the case is erased, or until the cache is full.
package final class CaseKeys: Sendable {
    private let ledger: Ledger
    /// The master key, and during a rotation the one it replaces, which still opens keys wrapped
    /// by appends that were in flight when the rotation began.
    private let masters: Mutex<(current: MasterKey, previous: MasterKey?)>
    /// The keys unwrapped, and how many erasures have forgotten one: a key read before an erasure
    /// and unwrapped after it must not be cached again once the erasure has forgotten it.
    private let cache = Mutex<(keys: [StreamName: [UInt8]], erasures: UInt64)>(([:], 0))
    /// The blind index under the master key in force, derived once a master key.
    private let index: Mutex<YouthIndex>
    static let cachedKeys = 4_096

    package init(ledger: Ledger, master: MasterKey) {
        self.ledger = ledger
        self.masters = Mutex((master, nil))
        self.index = Mutex(YouthIndex(master: master))
    }

    private var master: MasterKey { masters.withLock { $0.current } }

    /// The blind index of youths' identities, keyed under the master key in force.
    var youthIndex: YouthIndex { index.withLock { $0 } }

    /// Whether the master key in force opens `store` (a backup, say): its check value matches.
    func masterKeyOpens(_ store: Ledger) throws -> Bool {
        guard let check = try store.keyCheck() else { return false }
        return master.opens(checkValue: check)
    }

    /// A new key for a new case, and the wrapped form the append stores with the case's first event.
    func make(for stream: StreamName) throws -> (key: [UInt8], change: StreamKeyChange) {
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        return (key, .create(wrapped: try master.wrap(key, for: stream)))
    }

    /// Rewraps every data key under `new` and replaces the check value, in one transaction, so
    /// that the old master key opens nothing. The events are not touched. A key that opens with
    /// neither master key stops the rotation, naming its case, before anything is written.
    func rotate(to new: MasterKey) throws -> Int {
        index.withLock { $0 = YouthIndex(master: new) }
        let old = masters.withLock { masters in
            defer { masters = (new, masters.current) }
            return masters.current
        }
        defer { masters.withLock { $0.previous = nil } }
        var rewrapped = 0
        // Twice: a case opened while the first pass ran may have wrapped its key under the old one.
        for _ in 0..<2 {
            let stale = try ledger.wrappedKeys().filter { (try? new.unwrap($0.wrapped, for: $0.stream)) == nil }
            let replaced = try stale.map { stream, wrapped in
                guard let key = try? old.unwrap(wrapped, for: stream) else { throw SealingError.keyDamaged(stream) }
                return (stream: stream, wrapped: try new.wrap(key, for: stream))
            }
            try ledger.replaceKeys(check: try new.checkValue(), wrapped: replaced)
            rewrapped += replaced.count
        }
        return rewrapped
    }

    /// The case's key, or `nil` when it has none (erased). A stored key the master key does not
    /// open fails this case alone, with an error that says so.
    func key(for stream: StreamName) throws -> [UInt8]? {
        try key(for: stream) { try ledger.wrappedKey(of: stream) }
    }

    /// The case's key, unwrapped from what `wrapped` gives (as read in the caller's snapshot)
    /// unless it is cached. It is cached only when no erasure came in between: the read may
    /// predate the erasure of this very case. `caching: false` leaves it out: a rebuild reads a
    /// chunk's keys ahead, which would keep them in place of the ones commands use.
    func key(for stream: StreamName, caching: Bool = true, wrapped: () throws -> [UInt8]?) throws -> [UInt8]? {
        let (cached, erasures) = cache.withLock { ($0.keys[stream], $0.erasures) }
        if let cached { return cached }
        guard let wrapped = try wrapped() else { return nil }
        do {
            let (current, previous) = masters.withLock { ($0.current, $0.previous) }
            let key = try (try? current.unwrap(wrapped, for: stream)) ?? (previous ?? current).unwrap(wrapped, for: stream)
            guard caching else { return key }
            cache.withLock { cache in
                guard cache.erasures == erasures else { return }
                // A scan of every case must not keep every key: past the bound, start afresh.
                // Unwrapping again costs microseconds.
                if cache.keys.count >= Self.cachedKeys { cache.keys.removeAll(keepingCapacity: true) }
                cache.keys[stream] = key
            }
            return key
        } catch {
            throw SealingError.keyDamaged(stream)
        }
    }

    /// A key of the daemon's own, kept under `name` (no case's) and wrapped as a case's is, made
    /// the first time it is asked for; when two ask at once, both get the one stored first.
    func ownKey(_ name: StreamName) throws -> [UInt8] {
        if let key = try key(for: name) { return key }
        let made = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let stored = try ledger.storeKeyUnlessStored(try master.wrap(made, for: name), for: name)
        guard let key = try key(for: name, wrapped: { stored }) else { throw SealingError.keyDamaged(name) }
        return key
    }

    /// Forgets the case's key: after erasure nothing may open its content, not even from memory.
    func forget(_ stream: StreamName) {
        cache.withLock { cache in
            cache.keys.removeValue(forKey: stream)
            cache.erasures += 1
        }
    }
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
