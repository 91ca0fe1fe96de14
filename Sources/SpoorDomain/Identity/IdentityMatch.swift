import Foundation

/// What makes two records of a youth one youth, without the name at rest: the tokens a keyed
/// blind index is made of (the daemon stores only their HMACs). Two identities match when they
/// share a token.
///
/// The normalisation, for Dutch names as care records write them:
/// - case and diacritics do not count (`Zoë` = `zoe`), nor apostrophes or punctuation;
/// - the surname is what follows the given names: from the first particle after the first word
///   (`van der Berg`, `de Vries`), or else the last word; in `Berg, Zoë van der` the part before
///   the comma; its particles (`van`, `der`, `de`, `ten`, …) and hyphens do not count, so
///   `Jansen-de Vries` is `jansenvries`;
/// - each given name makes its own token with the surname and the birth date, so the order and
///   the number of given names do not count (`Zoë Anna` matches `Anna`, and `Anna Zoë`);
/// - a client number, where the institution has one, is a token of its own.
public enum IdentityMatch {
    /// The tokens of `identity`, sorted; none for a name without a surname or a given name.
    public static func tokens(of identity: YouthIdentity) -> [String] {
        var tokens: Set<String> = []
        if let (given, surname) = split(identity.name) {
            for name in given { tokens.insert("name:\(surname)|\(identity.birthDate)|\(name)") }
        }
        if let number = identity.clientNumber.map(normalised), !number.isEmpty { tokens.insert("client:\(number)") }
        return tokens.sorted()
    }

    /// The particles of Dutch (and a few other) surnames, which a record may or may not write.
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "het", "ter", "ten", "te", "op", "in", "t", "s",
        "la", "le", "du", "da", "di", "del", "dos", "el", "al", "bin", "ben", "vd",
    ]

    /// The given names and the surname key of `name`, or `nil` when it has no surname.
    static func split(_ name: String) -> (given: [String], surname: String)? {
        let words: (given: [String], surname: [String])
        if let comma = isASCII(name) ? name.utf8.firstIndex(of: UInt8(ascii: ",")) : name.firstIndex(of: ",") {
            words = (self.words(String(name[name.utf8.index(after: comma)...])), self.words(String(name[..<comma])))
        } else {
            let all = self.words(name)
            guard all.count >= 2 else { return nil }
            // A hyphenated word belongs to the surname (`Jansen-de Vries`), as a particle starts it.
            // (`utf8.contains`: `String.contains("-")` is Foundation's `range(of:)`, with a locale.)
            let start = all.indices.dropFirst().first { particles.contains(all[$0]) || all[$0].utf8.contains(UInt8(ascii: "-")) } ?? all.count - 1
            words = (Array(all[..<start]), Array(all[start...]))
        }
        let given = words.given.flatMap(parts).filter { !particles.contains($0) }
        let surname = words.surname.flatMap(parts).filter { !particles.contains($0) }.joined()
        guard !surname.isEmpty, !given.isEmpty else { return nil }
        return (given, surname)
    }

    /// The words of `text` split at spaces, lower case, without diacritics or punctuation; hyphens kept.
    static func words(_ text: String) -> [String] { pieces(normalised(text, keeping: "-"), at: " ") }

    /// A word's parts at its hyphens.
    static func parts(_ word: String) -> [String] { pieces(word, at: "-") }

    /// `text` split at `separator`, without empty pieces. ASCII text (most names, and all that
    /// ``normalised(_:keeping:)`` makes of them) is split byte by byte: split by characters, every
    /// byte was a grapheme to find, a quarter of a token's cost (BENCHMARKS.md, session 21).
    static func pieces(_ text: String, at separator: Character) -> [String] {
        guard isASCII(text), let byte = separator.asciiValue else { return text.split(separator: separator).map(String.init) }
        return text.utf8.split(separator: byte).map { String(Substring($0)) }
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// `text` lower case, without diacritics, spaces or punctuation: for a client number.
    static func normalised(_ text: String) -> String { normalised(text, keeping: "").filter { $0 != " " } }

    /// Most names are ASCII, which needs no folding: read byte by byte, as ``folded(_:keeping:)``
    /// reads it (Foundation's folding and character sets were a tenth of an open-case's CPU).
    static func normalised(_ text: String, keeping separators: String) -> String {
        guard isASCII(text) else { return folded(text, keeping: separators) }
        let kept = Set(separators.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case _ where kept.contains(byte): bytes.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "\t"): bytes.append(UInt8(ascii: " "))  // `CharacterSet.whitespaces`: not newlines
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let dutch = Locale(identifier: "nl_NL")

    /// `text` folded as Foundation folds it for Dutch, lower case, keeping letters, digits and `separators`.
    static func folded(_ text: String, keeping separators: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: dutch)
        return String(
            folded.lowercased().unicodeScalars.compactMap { scalar -> Character? in
                if CharacterSet.alphanumerics.contains(scalar) { return Character(scalar) }
                if separators.unicodeScalars.contains(scalar) { return Character(scalar) }
                return CharacterSet.whitespaces.contains(scalar) ? " " : nil
            })
    }
}
