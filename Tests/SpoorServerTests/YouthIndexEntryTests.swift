import Crypto
import Foundation
import SpoorProof
import Testing

@testable import SpoorApplication
@testable import SpoorDomain

/// The blind index's entries are HMAC-SHA256 of each identity token, under a key derived from the
/// master key, in lowercase hex: a store's existing entries must keep matching the new cases' ones
/// however the computation is made faster (issue 31: the key schedule kept, the hex written in place).
@Suite("The blind index's entries")
struct YouthIndexEntryTests {
    @Test func anEntryIsTheHMACOfItsTokenUnderTheDerivedKeyInHexAsBefore() throws {
        let master = try MasterKey(bytes: (0..<32).map { UInt8($0) })
        let index = YouthIndex(master: master)
        let key = master.derived(label: YouthIndex.keyLabel)
        let identities = [
            YouthIdentity(name: "Zoë Anna van der Berg", birthDate: try Day(parsing: "2010-01-15"), clientNumber: "C-17"),
            YouthIdentity(name: "Amira El Idrissi", birthDate: try Day(parsing: "2011-06-02")),
        ]
        for identity in identities {
            let expected = Set(
                IdentityMatch.tokens(of: identity).map { token in
                    HMAC<SHA256>.authenticationCode(for: Array(token.utf8), using: key).map { String(format: "%02x", $0) }.joined()
                })
            #expect(!expected.isEmpty)
            // Twice: the keyed state is copied for each message, never consumed by one.
            #expect(index.entries(of: identity) == expected)
            #expect(index.entries(of: identity) == expected)
        }
    }

    @Test func hexIsTwoLowercaseDigitsAByteAsFoundationFormatsThem() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(bytes.hexString == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().hexString == "")
    }
}
