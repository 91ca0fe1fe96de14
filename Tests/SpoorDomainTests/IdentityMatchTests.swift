import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// The blind index's normalisation, specified by its test vectors (issue: "case, diacritics
/// (`Zoë` = `Zoe`), particles (`van der`, `de`), the order and number of given names, and
/// hyphenated surnames").
@Suite("One youth, one count: which identities are one youth")
struct IdentityMatchTests {
    static func matches(_ a: String, _ b: String, born: String = "2011-03-14", _ c: String? = nil, _ d: String? = nil) -> Bool {
        let left = Set(IdentityMatch.tokens(of: YouthIdentity(name: a, birthDate: day(born), clientNumber: c)))
        let right = Set(IdentityMatch.tokens(of: YouthIdentity(name: b, birthDate: day(born), clientNumber: d)))
        return !left.isDisjoint(with: right)
    }

    @Test("test vectors: the same youth")
    func sameYouth() {
        let same: [(String, String)] = [
            ("Zoë van der Berg", "ZOE VAN DER BERG"),  // case and diacritics
            ("Zoë van der Berg", "Zoe Berg"),  // particles
            ("Zoë van der Berg", "Berg, Zoë van der"),  // surname first
            ("Zoë Anna van der Berg", "Anna van der Berg"),  // the number of given names
            ("Anna Zoë de Vries", "Zoë Anna de Vries"),  // their order
            ("Amira Jansen-de Vries", "Jansen-de Vries, Amira"),  // hyphenated surnames
            ("Amira Jansen-de Vries", "amira jansen-vries"),
            ("Noor van 't Hof", "Noor Hof"),
            ("Jan-Willem de Graaf", "Willem de Graaf"),  // a hyphenated given name is two
            ("Şükrü Öztürk", "Sukru Ozturk"),
        ]
        for (a, b) in same { #expect(Self.matches(a, b), "\(a) = \(b)") }
    }

    @Test("test vectors: other youths")
    func otherYouths() {
        #expect(!Self.matches("Anna de Vries", "Amir de Vries"), "twins: other given names")
        #expect(!Self.matches("Anna de Vries", "Anna de Wit"))
        #expect(!Self.matches("Amira Jansen-de Vries", "Amira de Vries"), "one part of a double surname is another surname")
        let a = IdentityMatch.tokens(of: YouthIdentity(name: "Anna de Vries", birthDate: day("2011-03-14")))
        let b = IdentityMatch.tokens(of: YouthIdentity(name: "Anna de Vries", birthDate: day("2011-03-15")))
        #expect(Set(a).isDisjoint(with: b), "another birth date")
    }

    @Test("a client number matches on its own; a single name makes no name token")
    func clientNumbers() {
        #expect(Self.matches("Anna de Vries", "A. Smit", "CL-0042", "cl 0042"))
        #expect(IdentityMatch.tokens(of: YouthIdentity(name: "Amira", birthDate: day("2011-03-14"))).isEmpty)
    }

    @Test("ASCII read byte by byte normalises as Foundation's folding does: every character, and random names")
    func asciiFastPathFoldsAsFoundationDoes() {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for keeping in ["", "-"] {
            #expect(IdentityMatch.normalised(every, keeping: keeping) == IdentityMatch.folded(every, keeping: keeping))
        }
        var random = SeededGenerator(state: 7)
        for _ in 0..<500 {
            let text = String(
                decoding: (0..<Int.random(in: 0...24, using: &random)).map { _ in UInt8.random(in: 0..<128, using: &random) }, as: UTF8.self)
            #expect(IdentityMatch.normalised(text, keeping: "-") == IdentityMatch.folded(text, keeping: "-"), "\(Array(text.utf8))")
        }
        #expect(IdentityMatch.normalised("Zoë Ánna", keeping: "") == "zoe anna")  // not ASCII: folded
    }

    @Test("ASCII split byte by byte gives the pieces a split by characters gives; a surname before a comma reads alike")
    func asciiSplitAgreesWithCharacters() {
        var random = SeededGenerator(state: 11)
        let alphabet = Array("ab Z-, '\t-  ,x9".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...20, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let text = String(decoding: bytes, as: UTF8.self)
            for separator: Character in [" ", "-", ","] {
                #expect(IdentityMatch.pieces(text, at: separator) == text.split(separator: separator).map(String.init), "\(bytes)")
            }
        }
        #expect(IdentityMatch.pieces("Zoë--Ánna", at: "-") == ["Zoë", "Ánna"])  // not ASCII: by characters
        #expect(Self.matches("Berg, Zoe Anna van der", "Zoe van der Berg"))  // ASCII, with a comma
        #expect(Self.matches("Berg, Zoë van der", "Zoe van der Berg"))  // not ASCII, with a comma
    }
}
