import Crypto
import SpoorDomain
import SpoorLedger
import SpoorProof

/// The keyed pseudonym of a youth in the institution's registration records (``RegistrationRecord``):
/// HMAC-SHA256 of the youth's first identity token (``IdentityMatch``), or of the case when it
/// holds no identity. The key is the institution's own, made once and kept in the store wrapped
/// under the master key as a case's data key is (a rotation rewraps it, a backup holds it), so
/// the pseudonym of a youth does not change when the master key does, and no one without the
/// key can link a record to a name.
enum RegistrationPseudonym {
    /// The name the key is kept under in the store's key table; no case stream has it.
    static let keyName = try! StreamName("key:registration-pseudonym")

    static func of(_ identity: YouthIdentity?, caseID: String, key: [UInt8]) -> String {
        let subject = identity.flatMap { IdentityMatch.tokens(of: $0).first } ?? "case:\(caseID)"
        return HMAC<SHA256>.authenticationCode(for: Array(subject.utf8), using: SymmetricKey(data: key)).hexString
    }
}
