import SpoorDomain
import SpoorJSON
import SpoorLedger
import SpoorProof
import Synchronization

/// The protocols this store adopted, by version, and the one in force. Each case event names the
/// version it was decided under; this tells the fold which rules that was. Swapped whole on an
/// adoption, so a command decides under one protocol or the next, never a mix.
package final class AdoptedProtocols: Sendable {
    package struct Adopted: Sendable, Equatable {
        var rules: InstitutionProtocol
        /// `sha256:` and the hex SHA-256 of the protocol's canonical JSON (sorted keys).
        package var digest: String
    }

    private struct Book {
        var byVersion: [Int: Adopted] = [:]
        var current: Adopted?
    }

    private let book = Mutex(Book())

    /// The protocol new decisions follow: the last adopted, else the built-in one.
    package var current: InstitutionProtocol { book.withLock { $0.current?.rules } ?? .standard }
    var currentAdoption: Adopted? { book.withLock { $0.current } }
    var all: [Adopted] { book.withLock { $0.byVersion.values.sorted { $0.rules.version < $1.rules.version } } }

    /// The protocol of `version`; `nil` names the first built-in one, which events before versions followed.
    func rules(version: Int?) -> InstitutionProtocol? {
        guard let version else { return .firstBuiltIn }
        return book.withLock { $0.byVersion[version]?.rules }
    }

    func adopted(version: Int) -> Adopted? { book.withLock { $0.byVersion[version] } }

    func record(_ adopted: Adopted) {
        book.withLock {
            $0.byVersion[adopted.rules.version] = adopted
            $0.current = adopted
        }
    }

    static func digest(of rules: InstitutionProtocol) throws -> String {
        let canonical = try JSONValueEncoder().encode(rules).serialized
        return "sha256:" + ChainHash.of(canonical).hex
    }

    package init() {

    }
}
