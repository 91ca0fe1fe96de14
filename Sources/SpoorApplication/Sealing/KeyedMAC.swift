import Crypto

/// HMAC-SHA256 under one key, with the key's two padded blocks hashed once rather than once a
/// message: a rebuild computes a blind-index entry for every token of every case, and keying each
/// one afresh was about a sixth of the index's cost (`perf`, BENCHMARKS.md session 19).
///
/// `@unchecked Sendable`: `HMAC` is a value whose hashers copy their state before they change it
/// (copy on write), and `keyed` is never changed, only copied.
struct KeyedMAC: @unchecked Sendable {
    private let keyed: HMAC<SHA256>

    init(key: SymmetricKey) { keyed = HMAC(key: key) }

    func code(for message: [UInt8]) -> HashedAuthenticationCode<SHA256> {
        var mac = keyed
        mac.update(data: message)
        return mac.finalize()
    }
}
